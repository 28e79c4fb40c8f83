import { Type } from 'typebox';
import { Id, Nullable, Timestamp } from '../../platform/http/schemas.js';

export const ApiToken = Type.Object({
  id: Id,
  name: Type.String(),
  prefix: Type.String(),
  roleId: Id,
  createdAt: Timestamp,
  lastUsedAt: Nullable(Timestamp),
  expiresAt: Nullable(Timestamp),
  revokedAt: Nullable(Timestamp),
});

export const shownToken = <T extends { tokenHash: string; tenantId: string; createdBy: string }>(row: T) => {
  const { tokenHash: _hash, tenantId: _tenant, createdBy: _by, ...shown } = row;
  return shown;
};
