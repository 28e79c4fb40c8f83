import { Type } from 'typebox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../tests/support/test-db.js';
import { createApp } from '../../app.js';
import { readConfig } from '../config.js';
import type { Database } from '../db/database.js';
import { positions } from '../directories/schema.js';
import type { DeliveredEvent, ModuleDefinition } from '../modules/module.js';
import type { Platform } from '../platform.js';
import { createTenant } from '../tenancy/create-tenant.js';
import { type Actor, systemActor } from './actor.js';
import { defineAction } from './define-action.js';

const received: DeliveredEvent[] = [];
let failuresLeft = 1;

const addPosition = defineAction({
  name: 'test.addPosition',
  input: Type.Object(
    { name: Type.String({ minLength: 1 }), fail: Type.Optional(Type.Boolean()) },
    { additionalProperties: false },
  ),
  permission: 'test:write',
  async run(ctx, input) {
    const [row] = await ctx.tx
      .insert(positions)
      .values({ tenantId: ctx.tenantId, name: input.name })
      .returning();
    ctx.audit({ entity: 'position', entityId: row.id, after: row });
    ctx.emit('test.positionAdded', { id: row.id, name: row.name });
    if (input.fail) throw new Error('the handler failed after writing');
    return row;
  },
});

const addTwo = defineAction({
  name: 'test.addTwo',
  input: Type.Object({ prefix: Type.String() }),
  permission: null,
  async run(ctx, input) {
    await ctx.call(addPosition, { name: `${input.prefix} 1` });
    await ctx.call(addPosition, { name: `${input.prefix} 2` });
  },
});

/** A module that only listens: proves events reach subscribers after commit, with retries. */
const listener: ModuleDefinition = {
  key: 'listener',
  title: 'Listener',
  switchable: true,
  permissions: [],
  subscribers: [
    {
      name: 'test-listener',
      events: ['test.positionAdded'],
      async handle(event) {
        if (event.payload.name === 'Flaky' && failuresLeft-- > 0) throw new Error('temporary failure');
        received.push(event);
      },
    },
  ],
};

let database: Database;
let platform: Platform;
let actor: Actor;

beforeAll(async () => {
  database = await openTestDatabase();
  const app = await createApp({ ...readConfig({}), databaseUrl: process.env.TEST_DATABASE_URL }, database);
  platform = app.platform;
  (platform.modules.modules as ModuleDefinition[]).push(listener);
  const { tenantId, adminUserId } = await createTenant(platform, 'Acme', {
    admin: { email: 'a@acme.test', name: 'A', password: 'long password 1' },
    company: { name: 'Acme Ltd', baseCurrency: 'EUR' },
  });
  actor = { ...systemActor(tenantId, adminUserId), kind: 'user', permissions: new Set(['test:write']) };
  await platform.startJobs();
}, 120_000);
afterAll(async () => {
  await platform.stop();
  await database.close();
});

const count = async (table: string, where = 'true') =>
  (await database.query<{ n: number }>(`select count(*)::int as n from ${table} where ${where}`))[0].n;

async function waitFor(check: () => boolean, ms = 20_000) {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('running an action', () => {
  it('writes the change, its audit row and its outbox event in one transaction', async () => {
    const row = await platform.runner.run(addPosition, actor, { name: 'Buyer 2' });
    const [audit] = await database.query<any>('select * from audit_log where entity_id = $1', [row.id]);
    expect(audit).toMatchObject({
      action: 'test.addPosition',
      entity: 'position',
      actor_user_id: actor.userId,
      tenant_id: actor.tenantId,
    });
    expect(audit.after).toMatchObject({ name: 'Buyer 2' });
    expect(await count('outbox', `type = 'test.positionAdded' and payload->>'id' = '${row.id}'`)).toBe(1);
  });

  it('a failure rolls everything back: no row, no audit, no event', async () => {
    const before = [await count('positions'), await count('audit_log'), await count('outbox')];
    await expect(platform.runner.run(addPosition, actor, { name: 'Ghost', fail: true })).rejects.toThrow(
      'the handler failed',
    );
    expect([await count('positions'), await count('audit_log'), await count('outbox')]).toEqual(before);
  });

  it('checks input and permission before touching the database', async () => {
    await expect(platform.runner.run(addPosition, actor, { name: '' })).rejects.toMatchObject({
      status: 422,
      errors: [{ field: 'name' }],
    });
    const outsider = { ...actor, permissions: new Set<string>() };
    await expect(platform.runner.run(addPosition, outsider, { name: 'X' })).rejects.toMatchObject({
      status: 403,
    });
    // A nested action checks its own permission too: the outer one needs none.
    await expect(platform.runner.run(addTwo, outsider, { prefix: 'Nested' })).rejects.toMatchObject({
      status: 403,
    });
    expect(await count('positions', "name like 'Nested%'")).toBe(0);
  });

  it('the audit log refuses changes', async () => {
    await expect(database.exec('update audit_log set action = action')).rejects.toThrow(/append-only/);
  });
});

describe('events and jobs', () => {
  it('delivers events to subscribers after commit, and retries a failing subscriber', async () => {
    const ok = await platform.runner.run(addPosition, actor, { name: 'Steady' });
    const flaky = await platform.runner.run(addPosition, actor, { name: 'Flaky' });
    await waitFor(
      () => received.some((e) => e.payload.id === ok.id) && received.some((e) => e.payload.id === flaky.id),
    );
    expect(received.find((e) => e.payload.id === ok.id)).toMatchObject({
      tenantId: actor.tenantId,
      type: 'test.positionAdded',
      actorUserId: actor.userId,
    });
    expect(failuresLeft).toBe(-1);
    const [row] = await database.query<{ dispatched_at: Date | null }>(
      "select dispatched_at from outbox where payload->>'id' = $1",
      [ok.id],
    );
    expect(row.dispatched_at).not.toBeNull();
  }, 60_000);

  it('the sweep delivers events a crash left behind', async () => {
    await database.query(
      `insert into outbox (id, tenant_id, type, payload, created_at) values (gen_random_uuid(), $1, 'test.positionAdded', '{"id":"left-behind","name":"Orphan"}', now() - interval '1 minute')`,
      [actor.tenantId],
    );
    await platform.events.sweep();
    await waitFor(() => received.some((e) => e.payload.id === 'left-behind'));
    expect(await count('outbox', 'dispatched_at is null')).toBe(0);
  }, 60_000);
});
