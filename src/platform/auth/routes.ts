import { eq } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { systemActor } from '../actions/actor.js';
import { inTenant } from '../db/tenant-context.js';
import type { Api } from '../http/api.js';
import { invalidField, Problem } from '../http/problem.js';
import { Id, Timestamp } from '../http/schemas.js';
import { SESSION_COOKIE } from '../http/server.js';
import { tenants } from '../tenancy/schema.js';
import { findUserByEmail, findUserById, normaliseEmail, publicUser } from '../users/find-user.js';
import { acceptInvitation, findInvitation } from './actions/accept-invitation.js';
import { changePassword } from './actions/change-password.js';
import { Locale, updateProfile } from './actions/update-profile.js';
import { describeMe, Me, TenantSummary, tenantsOf, UserSummary } from './me.js';
import { tenantOfToken, verifyPassword } from './secrets.js';
import { openSession, revokeSession, switchSessionTenant } from './sessions.js';

const tags = ['Authentication'];
const LoginResult = Type.Object({
  user: UserSummary,
  tenant: TenantSummary,
  tenants: Type.Array(TenantSummary),
});
/** Verifying against a fixed hash when the email is unknown keeps both answers equally slow. */
const DUMMY_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$0Q1aW1b+2S6eP3Cj4kzJ8w7m6H0mKx0Y1Vv2r3Yq6pU';
const badLogin = () => new Problem(401, 'Login failed', 'The email or password is wrong.');

export function authRoutes(api: Api) {
  const { platform } = api;
  const secure = platform.config.secureCookies;

  async function startSession(
    request: FastifyRequest,
    reply: FastifyReply,
    userId: string,
    wantedTenant?: string,
  ) {
    const list = await tenantsOf(platform.db, userId);
    if (list.length === 0)
      throw new Problem(403, 'No workspace', 'Your login is not a member of any active workspace.');
    const tenant = wantedTenant ? list.find((t) => t.id === wantedTenant) : list[0];
    if (!tenant) throw invalidField('tenantId', 'you are not a member of this workspace');
    const { token, expiresAt } = await openSession(platform.db, userId, tenant.id, {
      ip: request.ip,
      userAgent: request.headers['user-agent'],
    });
    reply.setCookie(SESSION_COOKIE, token, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure,
      expires: expiresAt,
    });
    return { tenant, tenants: list };
  }

  api.post(
    '/auth/login',
    {
      config: {
        public: true,
        rateLimit: {
          max: 10,
          timeWindow: '1 minute',
          keyGenerator: (req: FastifyRequest) =>
            `${req.ip}:${normaliseEmail(String((req.body as any)?.email ?? ''))}`,
        },
      },
      schema: {
        tags,
        summary: 'Log in with email and password; sets the session cookie',
        security: [],
        body: Type.Object(
          {
            email: Type.String({ minLength: 3, maxLength: 320 }),
            password: Type.String({ minLength: 1, maxLength: 200 }),
            tenantId: Type.Optional(Id),
          },
          { additionalProperties: false },
        ),
        response: { 200: LoginResult },
      },
    },
    async (req, reply) => {
      const user = await findUserByEmail(platform.db, req.body.email);
      const ok = await verifyPassword(user?.passwordHash ?? DUMMY_HASH, req.body.password);
      if (!user || !ok || user.disabledAt) throw badLogin();
      const { tenant, tenants: list } = await startSession(req, reply, user.id, req.body.tenantId);
      return { user: publicUser(user), tenant, tenants: list };
    },
  );

  api.post(
    '/auth/logout',
    { schema: { tags, summary: 'Log out: the session ends on the server too' } },
    async (req, reply) => {
      if (req.session) await revokeSession(platform.db, req.session.id);
      platform.auth.forgetSessions(req.actor.userId!);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send();
    },
  );

  api.get(
    '/auth/me',
    { schema: { tags, summary: 'Who is logged in, where, and what they may do', response: { 200: Me } } },
    (req) => describeMe(platform.db, platform.modules, req.actor),
  );

  api.patch(
    '/auth/me',
    {
      schema: {
        tags,
        summary: 'Change your name or language',
        body: Type.Object(
          {
            name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
            locale: Type.Optional(Locale),
          },
          { additionalProperties: false },
        ),
        response: { 200: Me },
      },
    },
    async (req) => {
      await req.run(updateProfile, req.body);
      return describeMe(platform.db, platform.modules, req.actor);
    },
  );

  api.post(
    '/auth/switch-tenant',
    {
      schema: {
        tags,
        summary: 'Work in another workspace',
        body: Type.Object({ tenantId: Id }, { additionalProperties: false }),
        response: { 200: Me },
      },
    },
    async (req) => {
      if (!req.session)
        throw new Problem(400, 'Not a session', 'API tokens belong to one workspace and cannot switch.');
      const list = await tenantsOf(platform.db, req.actor.userId!);
      if (!list.some((t) => t.id === req.body.tenantId))
        throw invalidField('tenantId', 'you are not a member of this workspace');
      await switchSessionTenant(platform.db, req.session.id, req.body.tenantId);
      platform.auth.forgetSessions(req.actor.userId!);
      const found = await platform.auth.bySession(req.cookies[SESSION_COOKIE]!);
      if (!found) throw new Problem(401, 'Not authenticated', 'Your session ended; log in again.');
      return describeMe(platform.db, platform.modules, found.actor);
    },
  );

  api.post(
    '/auth/password',
    {
      schema: {
        tags,
        summary: 'Change your password; your other sessions end',
        body: Type.Object(
          { currentPassword: Type.String({ maxLength: 200 }), newPassword: Type.String({ maxLength: 200 }) },
          { additionalProperties: false },
        ),
      },
    },
    async (req, reply) => {
      await req.run(changePassword, { ...req.body, keepSessionId: req.session?.id });
      platform.auth.forgetSessions(req.actor.userId!);
      return reply.code(204).send();
    },
  );

  const InvitationToken = Type.Object(
    { token: Type.String({ maxLength: 200 }) },
    { additionalProperties: false },
  );
  const tenantOfInvitation = (token: string) => {
    const tenantId = tenantOfToken('inv', token);
    if (!tenantId)
      throw new Problem(
        404,
        'Unknown invitation',
        'This invitation link is not valid. Check that you copied all of it.',
      );
    return tenantId;
  };

  api.get(
    '/auth/invitations/:token',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'What an invitation link is for',
        security: [],
        params: InvitationToken,
        response: {
          200: Type.Object({
            email: Type.String(),
            tenantName: Type.String(),
            expiresAt: Timestamp,
            hasLogin: Type.Boolean(),
          }),
        },
      },
    },
    async (req) => {
      const tenantId = tenantOfInvitation(req.params.token);
      const invitation = await inTenant(platform.db, { tenantId }, (tx) =>
        findInvitation(tx, req.params.token),
      );
      if (!invitation)
        throw new Problem(
          410,
          'Invitation no longer valid',
          'This invitation was used, revoked or has expired. Ask for a new one.',
        );
      const [tenant] = await platform.db
        .select({ name: tenants.name })
        .from(tenants)
        .where(eq(tenants.id, tenantId));
      const existing = await findUserByEmail(platform.db, invitation.email);
      return {
        email: invitation.email,
        tenantName: tenant?.name ?? '',
        expiresAt: invitation.expiresAt,
        hasLogin: Boolean(existing),
      };
    },
  );

  api.post(
    '/auth/invitations/accept',
    {
      config: { public: true, rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Accept an invitation: makes the login if needed and starts a session',
        security: [],
        body: Type.Object(
          {
            token: Type.String({ maxLength: 200 }),
            name: Type.String({ minLength: 1, maxLength: 200 }),
            password: Type.String({ minLength: 1, maxLength: 200 }),
          },
          { additionalProperties: false },
        ),
        response: { 200: LoginResult },
      },
    },
    async (req, reply) => {
      const tenantId = tenantOfInvitation(req.body.token);
      const { userId } = await platform.runner.run(acceptInvitation, systemActor(tenantId), req.body);
      platform.auth.forgetRoles(tenantId);
      const { tenant, tenants: list } = await startSession(req, reply, userId, tenantId);
      return { user: publicUser(await findUserById(platform.db, userId)), tenant, tenants: list };
    },
  );
}
