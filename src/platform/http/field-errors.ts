import type { FieldError } from './problem.js';
import { patternReasons } from './schemas.js';

interface SchemaError {
  keyword: string;
  instancePath: string;
  params: Record<string, any>;
  message?: string;
}

/** `/address/city` → `address.city`; the top level is called `body`. */
function fieldName(pointer: string, root: string): string {
  const path = pointer
    .split('/')
    .slice(1)
    .map((p) => p.replaceAll('~1', '/').replaceAll('~0', '~'))
    .join('.');
  return path || root;
}

const join = (a: string, b: string, root: string) => (a === root ? b : `${a}.${b}`);

/** Turns JSON-schema validation errors into one entry a person can act on per field. */
export function toFieldErrors(errors: Iterable<SchemaError>, root = 'body'): FieldError[] {
  const out: FieldError[] = [];
  const seen = new Set<string>();
  const add = (field: string, reason: string) => {
    const key = `${field}\u0000${reason}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ field, reason });
  };
  const allowed = new Map<string, string[]>();
  for (const e of errors) {
    const at = fieldName(e.instancePath, root);
    if (e.keyword === 'required') {
      const missing: string[] = e.params.requiredProperties ?? [e.params.missingProperty].filter(Boolean);
      for (const name of missing) add(join(at, name, root), 'is required');
    } else if (e.keyword === 'additionalProperties') {
      const extra: string[] = [].concat(e.params.additionalProperties ?? e.params.additionalProperty ?? []);
      for (const name of extra) add(join(at, name, root), 'is not a known field');
    } else if (
      e.keyword === 'anyOf' ||
      e.keyword === 'oneOf' ||
      e.keyword === 'if' ||
      e.keyword === 'boolean'
    ) {
      // The branch errors that come with these say more ("schema is false" repeats additionalProperties).
    } else if (e.keyword === 'const') {
      // A union of literals fails once per literal: gather them into one list of choices.
      allowed.set(at, [...(allowed.get(at) ?? []), String(e.params.allowedValue)]);
    } else if (e.keyword === 'pattern' && patternReasons.has(e.params.pattern)) {
      add(at, patternReasons.get(e.params.pattern)!);
    } else {
      add(at, e.message ?? `is invalid (${e.keyword})`);
    }
  }
  for (const [field, values] of allowed)
    add(field, values.length > 1 ? `must be one of ${values.join(', ')}` : `must be ${values[0]}`);
  // An optional-or-null field that is wrong also fails its null branch: keep the useful reason.
  return out.filter(
    (e) =>
      e.reason !== 'must be null' ||
      !out.some((o) => o !== e && (o.field === e.field || o.field.startsWith(`${e.field}.`))),
  );
}
