/**
 * The baseline: a plain Fastify instance, none of Tandem's layers (no auth hook, no plugins,
 * no schema validation or serialisation, no Drizzle, no tenant context), running the SQL
 * Tandem's companies action and list run, directly with the driver, in one transaction, as
 * the database owner (superuser: row-level security does not apply, so the tenant is an
 * explicit predicate instead). Some extra routes add Tandem's steps back one at a time so a
 * run shows what each one costs (the "ladder").
 */
import type { PGlite } from '@electric-sql/pglite';
import Fastify, { type FastifyInstance } from 'fastify';
import type pg from 'pg';
import { uuidv7 } from 'uuidv7';
import type { Actor } from '../src/platform/actions/actor.js';
import { sha256 } from '../src/platform/auth/secrets.js';
import type { Platform } from '../src/platform/platform.js';
import { createCompany } from '../src/platform/tenancy/actions/create-company.js';

/** The statements Tandem sends (captured from node-postgres), word for word. */
export const SQL = {
  session:
    'select "sessions"."id", "sessions"."user_id", "sessions"."active_tenant_id", "sessions"."last_seen_at", "users"."email", "users"."name", "users"."locale" from "sessions" inner join "users" on "users"."id" = "sessions"."user_id" where ("sessions"."token_hash" = $1 and "sessions"."revoked_at" is null and "sessions"."expires_at" > now() and "users"."disabled_at" is null)',
  tenantContext:
    "select set_config('role', 'tandem_app', true), set_config('app.tenant', $1, true), set_config('app.user', $2, true)",
  currency: 'select "active" from "currencies" where "currencies"."code" = $1',
  insertCompany:
    'insert into "companies" ("id", "tenant_id", "name", "legal_name", "tax_id", "base_currency", "address", "created_at", "updated_at", "archived_at") values ($1, $2, $3, default, default, $4, default, default, default, default) returning "id", "tenant_id", "name", "legal_name", "tax_id", "base_currency", "address", "created_at", "updated_at", "archived_at"',
  insertAudit:
    'insert into "audit_log" ("id", "tenant_id", "at", "actor_user_id", "actor_token_id", "action", "entity", "entity_id", "before", "after") values ($1, $2, default, $3, $4, $5, $6, $7, $8, $9)',
  insertOutbox:
    'insert into "outbox" ("id", "tenant_id", "type", "payload", "actor_user_id", "created_at", "dispatched_at") values ($1, $2, $3, $4, $5, default, default)',
  listCompanies:
    'select "id", "tenant_id", "name", "legal_name", "tax_id", "base_currency", "address", "created_at", "updated_at", "archived_at" from "companies" where "companies"."archived_at" is null order by "companies"."name" asc, "companies"."id" asc limit $1',
  // As the owner there is no policy: the tenant becomes a plain predicate (what the policy adds).
  currencyOwner:
    'select "active" from "currencies" where "currencies"."code" = $1 and "currencies"."tenant_id" = $2',
  listCompaniesOwner:
    'select "id", "tenant_id", "name", "legal_name", "tax_id", "base_currency", "address", "created_at", "updated_at", "archived_at" from "companies" where "companies"."tenant_id" = $2 and "companies"."archived_at" is null order by "companies"."name" asc, "companies"."id" asc limit $1',
} as const;

type Rows = Record<string, any>[];
export interface BareTx {
  query(text: string, params?: unknown[]): Promise<Rows>;
}
/** The driver, bare: one query, or BEGIN ... COMMIT on one connection. */
export interface BareDriver {
  query(text: string, params?: unknown[]): Promise<Rows>;
  transaction<T>(work: (tx: BareTx) => Promise<T>): Promise<T>;
}

export function pgDriver(pool: pg.Pool): BareDriver {
  return {
    async query(text, params) {
      return (await pool.query(text, params as any[])).rows;
    },
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('begin');
        const result = await work({ query: async (t, p) => (await client.query(t, p as any[])).rows });
        await client.query('commit');
        return result;
      } catch (error) {
        await client.query('rollback').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
  };
}

export function pgliteDriver(pglite: PGlite): BareDriver {
  return {
    async query(text, params) {
      return (await pglite.query(text, params as any[])).rows as Rows;
    },
    transaction(work) {
      return pglite.transaction((tx) =>
        work({ query: async (t, p) => (await tx.query(t, p as any[])).rows as Rows }),
      );
    },
  };
}

export interface BareContext {
  driver: BareDriver;
  tenantId: string;
  userId: string;
  /** For the "runner" rung: Tandem's action runner, called without HTTP, auth or validation. */
  platform: Platform;
  actor: Actor;
}

/** How much of Tandem a rung adds back on top of the bare SQL. */
interface Rung {
  /** `select set_config(role, tenant, user)` first, then the policy-checked statements. */
  tenantContext: boolean;
  /** The session lookup Tandem's auth hook runs before the transaction. */
  session: boolean;
}

const cookieToken = (header: string | undefined) => /tandem_session=([^;]+)/.exec(header ?? '')?.[1] ?? '';

export async function buildBareServer(ctx: BareContext): Promise<FastifyInstance> {
  const app = Fastify({ logger: false });
  const { driver, tenantId, userId } = ctx;

  async function lookUpSession(cookie: string | undefined) {
    const [session] = await driver.query(SQL.session, [sha256(cookieToken(cookie))]);
    if (!session) throw Object.assign(new Error('no session'), { statusCode: 401 });
  }

  const createCompanyRoute = (rung: Rung) => async (request: any, reply: any) => {
    if (rung.session) await lookUpSession(request.headers.cookie);
    const body = request.body as { name: string; baseCurrency: string };
    const company = await driver.transaction(async (tx) => {
      if (rung.tenantContext) await tx.query(SQL.tenantContext, [tenantId, userId]);
      const [currency] = rung.tenantContext
        ? await tx.query(SQL.currency, [body.baseCurrency])
        : await tx.query(SQL.currencyOwner, [body.baseCurrency, tenantId]);
      if (!currency?.active) throw Object.assign(new Error('unknown currency'), { statusCode: 422 });
      const [row] = await tx.query(SQL.insertCompany, [uuidv7(), tenantId, body.name, body.baseCurrency]);
      await tx.query(SQL.insertAudit, [
        uuidv7(),
        tenantId,
        userId,
        null,
        'platform.createCompany',
        'company',
        row.id,
        null,
        JSON.stringify(row),
      ]);
      await tx.query(SQL.insertOutbox, [
        uuidv7(),
        tenantId,
        'company.created',
        JSON.stringify({ companyId: row.id }),
        userId,
      ]);
      return row;
    });
    return reply.code(201).send(company);
  };

  const listCompaniesRoute = (rung: Rung) => async (request: any) => {
    if (rung.session) await lookUpSession(request.headers.cookie);
    const limit = Math.min(Number((request.query as any).limit ?? 50) || 50, 200);
    const rows = await driver.transaction(async (tx) => {
      if (rung.tenantContext) {
        await tx.query(SQL.tenantContext, [tenantId, userId]);
        return tx.query(SQL.listCompanies, [limit + 1]);
      }
      return tx.query(SQL.listCompaniesOwner, [limit + 1, tenantId]);
    });
    const items = rows.slice(0, limit);
    return { items, nextCursor: rows.length > limit ? String(items.at(-1)?.id) : null };
  };

  // Rung 0, the baseline of (b) and (c).
  app.post('/bare/companies', createCompanyRoute({ tenantContext: false, session: false }));
  app.get('/bare/companies', listCompaniesRoute({ tenantContext: false, session: false }));
  // Rung 1: + Tandem's tenant context (one more round trip; RLS policies then apply).
  app.post('/bare/companies/tenant', createCompanyRoute({ tenantContext: true, session: false }));
  // Rung 2: + the session lookup: now the exact statements a Tandem request sends, still raw driver.
  app.post('/bare/companies/tenant-session', createCompanyRoute({ tenantContext: true, session: true }));
  app.get('/bare/companies/tenant-session', listCompaniesRoute({ tenantContext: true, session: true }));
  // Rung 3: Tandem's ActionRunner + Drizzle (same SQL as rung 1), without Tandem's HTTP server.
  app.post('/bare/companies/runner', async (request, reply) => {
    const company = await ctx.platform.runner.run(createCompany, ctx.actor, request.body);
    return reply.code(201).send(company);
  });
  return app;
}
