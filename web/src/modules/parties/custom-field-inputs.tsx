import { Select, SimpleGrid, TextInput } from '@mantine/core';
import { DayInput } from '../../ui/day-input';
import type { CustomField } from './party-types';

/** Custom values as the form keeps them: every value a string (decimals and dates too). */
export type CustomValues = Record<string, string | null>;

export function customFormValues(fields: CustomField[], stored: Record<string, unknown> | undefined) {
  const values: CustomValues = {};
  for (const f of fields) {
    const v = stored?.[f.key];
    values[f.key] = v === undefined || v === null ? null : String(v);
  }
  return values;
}

/** What the API takes: blanks are null (clears a value), the rest as typed. */
export function customBody(values: CustomValues): Record<string, string | null> {
  const body: Record<string, string | null> = {};
  for (const [key, value] of Object.entries(values)) body[key] = value?.trim() ? value.trim() : null;
  return body;
}

/** One input per custom field the workspace defined for this kind of record. */
export function CustomFieldInputs({
  fields,
  values,
  onChange,
  errorOf,
}: {
  fields: CustomField[];
  values: CustomValues;
  onChange: (key: string, value: string | null) => void;
  errorOf?: (key: string) => string | undefined;
}) {
  if (fields.length === 0) return null;
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
      {fields.map((f) => {
        const common = {
          label: f.label,
          required: f.required,
          error: errorOf?.(f.key),
          'data-testid': `custom-${f.key}`,
        };
        const value = values[f.key] ?? null;
        if (f.type === 'choice')
          return (
            <Select
              key={f.id}
              {...common}
              clearable
              data={f.options.choices ?? []}
              value={value}
              onChange={(v) => onChange(f.key, v)}
            />
          );
        if (f.type === 'date')
          return <DayInput key={f.id} {...common} value={value} onChange={(v) => onChange(f.key, v)} />;
        return (
          <TextInput
            key={f.id}
            {...common}
            inputMode={f.type === 'number' ? 'decimal' : undefined}
            value={value ?? ''}
            onChange={(e) => onChange(f.key, e.currentTarget.value)}
          />
        );
      })}
    </SimpleGrid>
  );
}
