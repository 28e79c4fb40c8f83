import { Type } from 'typebox';
import { Id, Name, Nullable, Timestamp } from '../http/schemas.js';
import { PERMISSION_PATTERN } from './permissions.js';

export const Permission = Type.String({
  pattern: PERMISSION_PATTERN,
  description: '`area:verb`, `area:*` or `*`',
});

export const RoleFields = {
  name: Name,
  description: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
  permissions: Type.Array(Permission, { maxItems: 200 }),
  ownRecordsOnly: Type.Optional(Type.Boolean()),
};

export const Role = Type.Object({
  id: Id,
  key: Nullable(Type.String()),
  name: Type.String(),
  description: Nullable(Type.String()),
  permissions: Type.Array(Type.String()),
  ownRecordsOnly: Type.Boolean(),
  builtin: Type.Boolean(),
  archivedAt: Nullable(Timestamp),
});

export const showRole = <R extends { key: string | null }>(role: R) => ({
  ...role,
  builtin: role.key !== null,
});
