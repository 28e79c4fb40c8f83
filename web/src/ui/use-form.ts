import { type ChangeEvent, type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, problemMessage } from '../api/client';
import type { Check, Message } from './validators';

type Values = Record<string, unknown>;
export type Rules<T extends Values> = { [K in keyof T]?: Check<T[K]>[] };
type FieldErrors<T> = Partial<Record<keyof T, Message | string>>;

/**
 * The server names a field by its path: `roleIds.0` belongs to the `roleIds` input, and
 * `address.city` to a flat `city` input when the form keeps the address parts flat.
 */
function formField<T extends Values>(values: T, serverField: string): keyof T | undefined {
  const parts = serverField.replace(/^body\./, '').split('.');
  for (let n = parts.length; n > 0; n--) {
    const path = parts.slice(0, n).join('.');
    if (path in values) return path;
  }
  const last = parts.at(-1) ?? '';
  return last in values ? last : undefined;
}

/** Form state with client checks, and server field errors mapped onto the fields they name. */
export function useForm<T extends Values>(initial: T, rules: Rules<T> = {}) {
  const { t } = useTranslation();
  const [values, setValues] = useState<T>(initial);
  const [errors, setErrors] = useState<FieldErrors<T>>({});
  const [formError, setFormError] = useState<string | null>(null);

  const setValue = <K extends keyof T>(name: K, value: T[K]) => {
    setValues((current) => ({ ...current, [name]: value }));
    setErrors((current) => (current[name] ? { ...current, [name]: undefined } : current));
  };

  const errorText = (name: keyof T): string | undefined => {
    const error = errors[name];
    if (!error) return undefined;
    return typeof error === 'string' ? error : t(error.key, error.values);
  };

  const validate = (): boolean => {
    const found: FieldErrors<T> = {};
    for (const name of Object.keys(rules) as (keyof T)[]) {
      for (const check of rules[name] ?? []) {
        const message = check(values[name], values);
        if (message) {
          found[name] = message;
          break;
        }
      }
    }
    setErrors(found);
    return Object.keys(found).length === 0;
  };

  const applyProblem = (error: unknown) => {
    if (!(error instanceof ApiError)) return setFormError(problemMessage(error));
    const found: FieldErrors<T> = {};
    const unplaced: string[] = [];
    for (const { field, reason } of error.problem.errors ?? []) {
      const name = formField(values, field);
      if (name) found[name] = reason;
      else unplaced.push(`${field}: ${reason}`);
    }
    setErrors(found);
    if (unplaced.length) return setFormError(unplaced.join('; '));
    // Every reason sits under its field; a refusal without field reasons is said above the form.
    setFormError(Object.keys(found).length ? null : problemMessage(error));
  };

  return {
    values,
    setValue,
    errorText,
    formError,
    applyProblem,
    reset(next: T) {
      setValues(next);
      setErrors({});
      setFormError(null);
    },
    onSubmit(handler: (values: T) => void) {
      return (event: FormEvent) => {
        event.preventDefault();
        setFormError(null);
        if (validate()) handler(values);
      };
    },
    /** Props for TextInput, PasswordInput, Textarea. */
    text(name: keyof T & string) {
      return {
        name,
        value: String(values[name] ?? ''),
        onChange: (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
          setValue(name, e.currentTarget.value as T[typeof name]),
        error: errorText(name),
      };
    },
    /** Props for value-based inputs: Select, MultiSelect, DateInput. */
    field<K extends keyof T & string>(name: K) {
      return {
        name,
        value: values[name],
        onChange: (value: T[K]) => setValue(name, value),
        error: errorText(name),
      };
    },
    /** Props for Checkbox and Switch. */
    checkbox(name: keyof T & string) {
      return {
        name,
        checked: Boolean(values[name]),
        onChange: (e: ChangeEvent<HTMLInputElement>) =>
          setValue(name, e.currentTarget.checked as T[typeof name]),
        error: errorText(name),
      };
    },
  };
}

export type Form<T extends Values> = ReturnType<typeof useForm<T>>;
