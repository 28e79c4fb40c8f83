import { and, asc, eq, sql } from 'drizzle-orm';
import { Type } from 'typebox';
import { systemActor } from '../../../platform/actions/actor.js';
import { defineAction } from '../../../platform/actions/define-action.js';
import type { ScheduledJob } from '../../../platform/modules/module.js';
import { loyaltyLedger } from '../schema.js';
import { postPoints } from './loyalty-ledger.js';
import { expiringPoints } from './points-rules.js';

/** Lapses the points of every member whose earned points reached their expiry by a day. */
export const expirePoints = defineAction({
  name: 'crm.expirePoints',
  input: Type.Object({ onDay: Type.String({ format: 'date' }) }, { additionalProperties: false }),
  permission: 'crm:manage',
  async run(ctx, { onDay }) {
    const members = await ctx.tx
      .selectDistinct({ programId: loyaltyLedger.programId, clientId: loyaltyLedger.clientId })
      .from(loyaltyLedger)
      .where(and(eq(loyaltyLedger.kind, 'accrual'), sql`${loyaltyLedger.expiresOn} <= ${onDay}`));
    let lapsed = 0;
    for (const m of members) {
      const entries = await ctx.tx
        .select({
          kind: loyaltyLedger.kind,
          points: loyaltyLedger.points,
          expiresOn: loyaltyLedger.expiresOn,
        })
        .from(loyaltyLedger)
        .where(and(eq(loyaltyLedger.programId, m.programId), eq(loyaltyLedger.clientId, m.clientId)))
        .orderBy(asc(loyaltyLedger.occurredOn), asc(loyaltyLedger.id));
      const points = expiringPoints(entries, onDay);
      if (points === '0.00') continue;
      await postPoints(ctx, {
        programId: m.programId,
        clientId: m.clientId,
        kind: 'expiry',
        points: `-${points}`,
        occurredOn: onDay,
        note: `Expired on ${onDay}`,
      });
      lapsed++;
    }
    return { members: lapsed };
  },
});

/** Nightly, in each workspace. */
export const expireLoyaltyPoints: ScheduledJob = {
  name: 'expire-loyalty-points',
  cron: '10 0 * * *',
  async run(platform) {
    const onDay = new Date().toISOString().slice(0, 10);
    const all = (await platform.modules.tenantsUsing(platform.db, 'crm')).map((id) => ({ id }));
    for (const tenant of all) await platform.runner.run(expirePoints, systemActor(tenant.id), { onDay });
  },
};
