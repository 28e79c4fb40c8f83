import { Type } from 'typebox';
import type { ActionContext } from '../../../platform/actions/define-action.js';
import { defineAction } from '../../../platform/actions/define-action.js';
import { invalid } from '../../../platform/http/problem.js';
import { notify } from '../../../platform/notifications/notify.js';
import { type CleanLead, checkLeadIntake } from '../rules/lead-intake.js';
import { leadNotices } from '../rules/lead-notice.js';
import { leads } from '../schema.js';
import { assertSourceUsable, responsibleUser, stampedNow, workspaceCountry } from './activity-links.js';
import { NewLeadFields } from './activity-schemas.js';
import { leadColumns, leadFields } from './lead-columns.js';

export interface NewLead extends CleanLead {
  /** Made here when the caller must know it before the insert. */
  id?: string;
  sourceId: string | null;
  webFormId?: string | null;
  responsibleUserId: string;
}

/** Rows per INSERT: PostgreSQL takes at most 65,535 parameters in one statement. */
const CHUNK = 500;

const insertChunk = (ctx: ActionContext, chunk: (typeof leads.$inferInsert)[]) =>
  ctx.tx.insert(leads).values(chunk).returning(leadFields);

/**
 * Writes leads however they came (by hand, API, web form, import): each is audited, announced
 * as `crm.leadCreated`, and its responsible person hears of it unless they entered it themselves.
 */
export async function insertLeads(
  ctx: ActionContext,
  rows: NewLead[],
  channel: 'api' | 'web_form' | 'import',
) {
  const created: Awaited<ReturnType<typeof insertChunk>> = [];
  const now = stampedNow();
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows
      .slice(i, i + CHUNK)
      .map((row) => ({ tenantId: ctx.tenantId, ...leadColumns(row), ...now }));
    created.push(...(await insertChunk(ctx, chunk)));
  }
  for (const lead of created) {
    ctx.audit({ entity: 'lead', entityId: lead.id, after: lead });
    ctx.emit('crm.leadCreated', {
      leadId: lead.id,
      sourceId: lead.sourceId,
      webFormId: lead.webFormId,
      responsibleUserId: lead.responsibleUserId,
      channel,
    });
  }
  await notify(ctx, ...leadNotices(created, channel, ctx.actor.userId));
  return created;
}

/** A lead entered by a person or sent by an integration. */
export const createLead = defineAction({
  name: 'crm.createLead',
  input: Type.Object(NewLeadFields, { additionalProperties: false }),
  permission: 'crm:write',
  async run(ctx, input) {
    const intake = checkLeadIntake(input, { defaultCountry: await workspaceCountry(ctx.tx) });
    if (!intake.ok) throw invalid(intake.errors);
    const responsibleUserId = await responsibleUser(
      ctx.tx,
      ctx.actor,
      input.responsibleUserId,
      'responsibleUserId',
    );
    await assertSourceUsable(ctx.tx, input.sourceId);
    const [lead] = await insertLeads(
      ctx,
      [{ ...intake.lead, sourceId: input.sourceId, responsibleUserId }],
      'api',
    );
    return lead;
  },
});
