import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import { inTenant } from '../../../platform/db/tenant-context.js';
import type { ScheduledJob } from '../../../platform/modules/module.js';
import { segments } from '../schema.js';
import { recompute } from './segment-rules.js';

/** Hourly: recomputes hourly segments, and daily ones a day after their last computation. */
export const refreshSegments: ScheduledJob = {
  name: 'refresh-segments',
  cron: '20 * * * *',
  async run(platform) {
    const all = (await platform.modules.tenantsUsing(platform.db, 'crm')).map((id) => ({ id }));
    for (const tenant of all) {
      // One transaction per segment: a large one never holds the others back.
      const due = await inTenant(platform.db, { tenantId: tenant.id }, (tx) =>
        tx
          .select({ id: segments.id })
          .from(segments)
          .where(
            and(
              eq(segments.kind, 'dynamic'),
              isNull(segments.archivedAt),
              or(
                eq(segments.refresh, 'hourly'),
                and(
                  eq(segments.refresh, 'daily'),
                  or(isNull(segments.computedAt), lt(segments.computedAt, sql`now() - interval '1 day'`)),
                ),
              ),
            ),
          ),
      );
      for (const { id } of due) {
        await inTenant(platform.db, { tenantId: tenant.id }, async (tx) => {
          const [segment] = await tx
            .select()
            .from(segments)
            .where(eq(segments.id, id))
            .for('update', { skipLocked: true });
          if (segment) await recompute(tx, tenant.id, segment);
        });
      }
    }
  },
};
