import { createHash, randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

/** Argon2id with the library's defaults (19 MiB, 2 passes): OWASP's recommended floor. */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  if (!passwordHash) return false;
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** Tokens are stored only as their SHA-256: a leaked table logs nobody in. */
export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export function randomSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

const compactUuid = (uuid: string) => uuid.replaceAll('-', '');
const expandUuid = (hex: string) =>
  `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;

/** API tokens (`tdm`), invitations (`inv`) and the public keys of web forms (`wf`). */
export type TokenKind = 'tdm' | 'inv' | 'wf';

/**
 * A token that names its tenant: `tdm_<tenant>_<secret>`. The tenant part lets the server open
 * the tenant's context before looking the token up, so the lookup itself runs under row-level
 * security instead of needing a way around it.
 */
export function tenantToken(kind: TokenKind, tenantId: string): string {
  return `${kind}_${compactUuid(tenantId)}_${randomSecret()}`;
}

export function tenantOfToken(kind: TokenKind, token: string): string | undefined {
  const match = new RegExp(`^${kind}_([0-9a-f]{32})_[A-Za-z0-9_-]{20,}$`).exec(token);
  return match ? expandUuid(match[1]) : undefined;
}

export const MIN_PASSWORD_LENGTH = 10;

export function passwordProblem(password: string, email?: string): string | undefined {
  if (password.length < MIN_PASSWORD_LENGTH) return `must be at least ${MIN_PASSWORD_LENGTH} characters long`;
  if (email && password.toLowerCase() === email.toLowerCase()) return 'must not be the same as the email';
  return undefined;
}
