import { type CountryCode, parsePhoneNumberFromString } from 'libphonenumber-js';
import type { FieldError } from '../../../platform/http/problem.js';

/** What a lead says about the person who asked, as it arrives from a form, a file or a person. */
export interface LeadIntake {
  contactName?: string | null;
  clientName?: string | null;
  email?: string | null;
  phone?: string | null;
  message?: string | null;
}

/** The same, trimmed and normalised: emails lower-cased, phones in E.164, blanks as null. */
export interface CleanLead {
  contactName: string | null;
  clientName: string | null;
  email: string | null;
  phone: string | null;
  message: string | null;
}

export type IntakeResult = { ok: true; lead: CleanLead } | { ok: false; errors: FieldError[] };

export interface IntakeOptions {
  /** Where numbers written without a country code are from (the workspace's country), if known. */
  defaultCountry?: string;
  /** The names the caller's fields have, when they differ (`name` on a public form). */
  fieldNames?: Partial<Record<keyof LeadIntake, string>>;
}

const LIMITS: Record<keyof LeadIntake, number> = {
  contactName: 200,
  clientName: 200,
  email: 320,
  phone: 40,
  message: 5000,
};
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@.]+$/;

const blankToNull = (text: string | null | undefined) => {
  const trimmed = text?.trim();
  return trimmed ? trimmed : null;
};

export const normaliseEmail = (email: string) => email.trim().toLowerCase();

/** E.164, or undefined when the text is not a number we can place. */
export function normalisePhone(text: string, defaultCountry?: string): string | undefined {
  const parsed = parsePhoneNumberFromString(text, defaultCountry as CountryCode | undefined);
  return parsed?.isValid() ? parsed.format('E.164') : undefined;
}

/**
 * Checks and normalises a lead's intake the same way whichever way it came in: someone must be
 * named (a person or a company) and reachable (an email or a phone).
 */
export function checkLeadIntake(input: LeadIntake, options: IntakeOptions = {}): IntakeResult {
  const name = (field: keyof LeadIntake) => options.fieldNames?.[field] ?? field;
  const errors: FieldError[] = [];
  const text: CleanLead = {
    contactName: blankToNull(input.contactName),
    clientName: blankToNull(input.clientName),
    email: blankToNull(input.email),
    phone: blankToNull(input.phone),
    message: blankToNull(input.message),
  };

  for (const field of Object.keys(LIMITS) as (keyof LeadIntake)[]) {
    const value = text[field];
    if (value && value.length > LIMITS[field])
      errors.push({ field: name(field), reason: `must be at most ${LIMITS[field]} characters long` });
  }
  if (!text.contactName && !text.clientName)
    errors.push({ field: name('contactName'), reason: 'is required: name the person or the company' });

  let email: string | null = null;
  if (text.email) {
    email = normaliseEmail(text.email);
    if (!EMAIL.test(email))
      errors.push({ field: name('email'), reason: 'is not an email address, e.g. anna@example.com' });
  }
  let phone: string | null = null;
  if (text.phone) {
    phone = normalisePhone(text.phone, options.defaultCountry) ?? null;
    if (!phone)
      errors.push({
        field: name('phone'),
        reason: 'is not a phone number we can read; write it with the country code, e.g. +359 88 123 4567',
      });
  }
  if (!text.email && !text.phone) {
    const reason = 'give an email or a phone number so the lead can be answered';
    errors.push({ field: name('email'), reason }, { field: name('phone'), reason });
  }
  if (errors.length) return { ok: false, errors };
  return { ok: true, lead: { ...text, email, phone } };
}
