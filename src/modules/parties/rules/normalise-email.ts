export type EmailResult = { ok: true; email: string } | { ok: false; reason: string };

// One @, something before it, a dotted domain after it, no spaces: what a person can still mistype.
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

/** Emails match whatever their case: stored trimmed and lower-cased. */
export function normaliseEmail(raw: string): EmailResult {
  const email = raw.trim().toLowerCase();
  if (!email) return { ok: false, reason: 'is empty' };
  if (email.length > 320) return { ok: false, reason: 'is longer than 320 characters' };
  if (!EMAIL.test(email)) return { ok: false, reason: 'is not an email address, e.g. anna@example.com' };
  return { ok: true, email };
}
