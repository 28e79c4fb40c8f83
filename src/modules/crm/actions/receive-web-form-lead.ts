import { and, eq, isNull } from 'drizzle-orm';
import { Type } from 'typebox';
import { defineAction } from '../../../platform/actions/define-action.js';
import { invalid, notFound } from '../../../platform/http/problem.js';
import { Id } from '../../../platform/http/schemas.js';
import { checkLeadIntake } from '../rules/lead-intake.js';
import { webForms } from '../schema.js';
import { workspaceCountry } from './activity-links.js';
import { insertLeads } from './create-lead.js';

/** What a visitor types into a web form. */
export const WebFormEntry = {
  name: Type.String({ minLength: 1, maxLength: 200 }),
  company: Type.Optional(Type.String({ maxLength: 200 })),
  email: Type.Optional(Type.String({ maxLength: 320 })),
  phone: Type.Optional(Type.String({ maxLength: 40 })),
  message: Type.Optional(Type.String({ maxLength: 5000 })),
};

/**
 * A lead a visitor sent through a web form: it carries the form's source and goes to the form's
 * responsible person. Runs as the system in the form's workspace; the visitor is nobody we know.
 */
export const receiveWebFormLead = defineAction({
  name: 'crm.receiveWebFormLead',
  input: Type.Object({ webFormId: Id, ...WebFormEntry }, { additionalProperties: false }),
  permission: 'crm:write',
  async run(ctx, { webFormId, name, company, ...entry }) {
    const [form] = await ctx.tx
      .select()
      .from(webForms)
      .where(and(eq(webForms.id, webFormId), isNull(webForms.archivedAt)));
    if (!form) throw notFound('Web form');
    const intake = checkLeadIntake(
      { contactName: name, clientName: company, ...entry },
      {
        defaultCountry: await workspaceCountry(ctx.tx),
        fieldNames: { contactName: 'name', clientName: 'company' },
      },
    );
    if (!intake.ok) throw invalid(intake.errors);
    await insertLeads(
      ctx,
      [
        {
          ...intake.lead,
          sourceId: form.sourceId,
          webFormId: form.id,
          responsibleUserId: form.responsibleUserId,
        },
      ],
      'web_form',
    );
  },
});
