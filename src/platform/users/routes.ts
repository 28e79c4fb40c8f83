import { and, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import { Type } from 'typebox';
import { invitations } from '../auth/schema.js';
import type { Api } from '../http/api.js';
import { textFilter } from '../http/filters.js';
import { keysetPage, listQuery, pageOf, whereAll } from '../http/pagination.js';
import { notFound } from '../http/problem.js';
import { Id, IdParams, Nullable, Search, Timestamp } from '../http/schemas.js';
import { requirePermission } from '../rbac/require-permission.js';
import { membershipRoles } from '../rbac/schema.js';
import { memberships, users } from '../tenancy/schema.js';
import { createUser, Email } from './actions/create-user.js';
import { inviteUser } from './actions/invite-user.js';
import { revokeInvitation } from './actions/revoke-invitation.js';
import { updateMember } from './actions/update-member.js';

const tags = ['Users'];
const Member = Type.Object({
  id: Id,
  email: Type.String(),
  name: Type.String(),
  active: Type.Boolean(),
  roleIds: Type.Array(Id),
  createdAt: Timestamp,
});
const Invitation = Type.Object({
  id: Id,
  email: Type.String(),
  roleIds: Type.Array(Id),
  createdAt: Timestamp,
  expiresAt: Timestamp,
  acceptedAt: Nullable(Timestamp),
  revokedAt: Nullable(Timestamp),
});

const memberColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  active: memberships.active,
  createdAt: memberships.createdAt,
  roleIds: sql<
    string[]
  >`coalesce(array(select ${membershipRoles.roleId} from ${membershipRoles} where ${membershipRoles.userId} = ${users.id}), '{}')`,
};

export function userRoutes(api: Api) {
  const read = requirePermission('users:read');

  api.get(
    '/users',
    {
      preHandler: read,
      schema: {
        tags,
        summary: 'Members of the workspace',
        querystring: listQuery(['name', 'email', 'createdAt'], {
          q: Type.Optional(Search),
          active: Type.Optional(Type.Boolean()),
        }),
        response: { 200: pageOf(Member) },
      },
    },
    (req) =>
      req.read((tx) =>
        keysetPage(
          req.query,
          { name: users.name, email: users.email, createdAt: memberships.createdAt },
          'name',
          users.id,
          (where, orderBy, limit) =>
            tx
              .select(memberColumns)
              .from(memberships)
              .innerJoin(users, eq(users.id, memberships.userId))
              .where(
                whereAll([
                  where,
                  req.query.active === undefined ? undefined : eq(memberships.active, req.query.active),
                  textFilter(req.query.q, users.name, users.email),
                ]),
              )
              .orderBy(...orderBy)
              .limit(limit),
        ),
      ),
  );

  api.get(
    '/users/:id',
    {
      preHandler: read,
      schema: { tags, summary: 'One member', params: IdParams, response: { 200: Member } },
    },
    async (req) => {
      const [member] = await req.read((tx) =>
        tx
          .select(memberColumns)
          .from(memberships)
          .innerJoin(users, eq(users.id, memberships.userId))
          .where(eq(users.id, req.params.id)),
      );
      if (!member) throw notFound('User', req.params.id);
      return member;
    },
  );

  api.post(
    '/users',
    {
      schema: {
        tags,
        summary: 'Add a user with a password and roles',
        body: Type.Object(
          {
            email: Email,
            name: Type.String({ minLength: 1, maxLength: 200 }),
            password: Type.String({ maxLength: 200 }),
            roleIds: Type.Array(Id, { maxItems: 50 }),
          },
          { additionalProperties: false },
        ),
        response: { 201: Member },
      },
    },
    async (req, reply) => {
      const { id } = await req.run(createUser, req.body);
      api.platform.auth.forgetRoles(req.actor.tenantId);
      const [member] = await req.read((tx) =>
        tx
          .select(memberColumns)
          .from(memberships)
          .innerJoin(users, eq(users.id, memberships.userId))
          .where(eq(users.id, id)),
      );
      return reply.code(201).send(member);
    },
  );

  api.patch(
    '/users/:id',
    {
      schema: {
        tags,
        summary: "Change a member's name, roles or access",
        params: IdParams,
        body: Type.Object(
          {
            name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
            roleIds: Type.Optional(Type.Array(Id, { maxItems: 50 })),
            active: Type.Optional(Type.Boolean()),
          },
          { additionalProperties: false },
        ),
        response: { 200: Member },
      },
    },
    async (req) => {
      await req.run(updateMember, { ...req.body, id: req.params.id });
      api.platform.auth.forgetSessions(req.params.id);
      api.platform.auth.forgetRoles(req.actor.tenantId);
      const [member] = await req.read((tx) =>
        tx
          .select(memberColumns)
          .from(memberships)
          .innerJoin(users, eq(users.id, memberships.userId))
          .where(eq(users.id, req.params.id)),
      );
      return member;
    },
  );

  api.get(
    '/invitations',
    {
      preHandler: read,
      schema: {
        tags,
        summary: 'Invitations sent from this workspace',
        querystring: listQuery(['createdAt', 'email'], {
          status: Type.Optional(
            Type.Union([Type.Literal('open'), Type.Literal('accepted'), Type.Literal('revoked')]),
          ),
        }),
        response: { 200: pageOf(Invitation) },
      },
    },
    (req) =>
      req.read((tx) =>
        keysetPage(
          req.query,
          { createdAt: invitations.createdAt, email: invitations.email },
          '-createdAt',
          invitations.id,
          (where, orderBy, limit) => {
            const status = req.query.status;
            const filter =
              status === 'open'
                ? and(isNull(invitations.acceptedAt), isNull(invitations.revokedAt))
                : status === 'accepted'
                  ? isNotNull(invitations.acceptedAt)
                  : status === 'revoked'
                    ? isNotNull(invitations.revokedAt)
                    : undefined;
            return tx
              .select({
                id: invitations.id,
                email: invitations.email,
                roleIds: invitations.roleIds,
                createdAt: invitations.createdAt,
                expiresAt: invitations.expiresAt,
                acceptedAt: invitations.acceptedAt,
                revokedAt: invitations.revokedAt,
              })
              .from(invitations)
              .where(whereAll([where, filter]))
              .orderBy(...orderBy)
              .limit(limit);
          },
        ),
      ),
  );

  api.post(
    '/invitations',
    {
      schema: {
        tags,
        summary: 'Invite someone by email; the answer carries the link once',
        body: Type.Object(
          { email: Email, roleIds: Type.Array(Id, { maxItems: 50 }) },
          { additionalProperties: false },
        ),
        response: {
          201: Type.Object({ ...Invitation.properties, token: Type.String(), acceptUrl: Type.String() }),
        },
      },
    },
    async (req, reply) => reply.code(201).send(await req.run(inviteUser, req.body)),
  );

  api.post(
    '/invitations/:id/revoke',
    {
      schema: { tags, summary: 'Revoke an open invitation', params: IdParams, response: { 200: Invitation } },
    },
    (req) => req.run(revokeInvitation, { id: req.params.id }),
  );
}
