import { Type } from 'typebox';

/** One field a person has to fix, in the words they can act on. */
export interface FieldError {
  field: string;
  reason: string;
}

/**
 * An error meant for the person or program that made the request (RFC 9457 problem details).
 * Anything thrown that is not a Problem is a bug and answers 500 without details.
 */
export class Problem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail?: string,
    readonly errors: FieldError[] = [],
    readonly type = 'about:blank',
  ) {
    super(detail ?? title);
  }

  toJSON() {
    return {
      type: this.type,
      title: this.title,
      status: this.status,
      ...(this.detail ? { detail: this.detail } : {}),
      ...(this.errors.length ? { errors: this.errors } : {}),
    };
  }
}

export const invalid = (errors: FieldError[], detail?: string) =>
  new Problem(
    422,
    'The request has invalid fields',
    detail ?? errors.map((e) => `${e.field}: ${e.reason}`).join('; '),
    errors,
  );

export const invalidField = (field: string, reason: string) => invalid([{ field, reason }]);

export const notFound = (what: string, id?: string) =>
  new Problem(404, 'Not found', id ? `${what} ${id} does not exist.` : `${what} does not exist.`);

export const conflict = (detail: string, errors: FieldError[] = []) =>
  new Problem(409, 'Conflict', detail, errors);

export const forbidden = (detail: string) => new Problem(403, 'Forbidden', detail);

export const unauthenticated = (
  detail = 'Log in, or send a valid API token as "Authorization: Bearer ...".',
) => new Problem(401, 'Not authenticated', detail);

export const moduleOff = (moduleKey: string) =>
  new Problem(
    404,
    'Module is switched off',
    `The ${moduleKey} module is switched off for this workspace. An administrator can switch it on in Settings → Modules.`,
    [],
    'https://tandem.dev/problems/module-off',
  );

/** The shape of every error answer, for the OpenAPI document. */
export const ProblemSchema = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.Optional(Type.String()),
    errors: Type.Optional(Type.Array(Type.Object({ field: Type.String(), reason: Type.String() }))),
  },
  // Extension members (RFC 9457) pass through: a 409 may list the duplicates it found.
  { description: 'application/problem+json (RFC 9457)', additionalProperties: true },
);
