import { and, eq, gte, lte } from 'drizzle-orm';
import { Type } from 'typebox';
import { defineAction } from '../../../platform/actions/define-action.js';
import { conflict, invalidField } from '../../../platform/http/problem.js';
import { DateOnly, Id } from '../../../platform/http/schemas.js';
import { companyBooks } from '../books.js';
import { addDays, addMonths, firstOfMonth, lastOfMonth } from '../dates.js';
import { fiscalPeriods, fiscalYears } from '../schema.js';

/**
 * A fiscal year of whole months, with one period per month: periods are what close, and the
 * monthly balances the trial balance reads line up with them.
 */
export const createFiscalYear = defineAction({
  name: 'accounting.createFiscalYear',
  input: Type.Object(
    {
      companyId: Id,
      startsOn: DateOnly,
      endsOn: Type.Optional(DateOnly),
      name: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
    },
    { additionalProperties: false },
  ),
  permission: 'accounting:manage',
  async run(ctx, input) {
    await companyBooks(ctx.tx, input.companyId);
    if (firstOfMonth(input.startsOn) !== input.startsOn)
      throw invalidField(
        'startsOn',
        `a fiscal year starts on the first day of a month, not ${input.startsOn}`,
      );
    const endsOn = input.endsOn ?? addDays(addMonths(input.startsOn, 12), -1);
    if (lastOfMonth(endsOn) !== endsOn)
      throw invalidField('endsOn', `a fiscal year ends on the last day of a month, not ${endsOn}`);
    if (endsOn < input.startsOn) throw invalidField('endsOn', 'must not be before startsOn');
    if (endsOn > addDays(addMonths(input.startsOn, 24), -1))
      throw invalidField('endsOn', 'a fiscal year is at most 24 months long');
    const [overlapping] = await ctx.tx
      .select()
      .from(fiscalYears)
      .where(
        and(
          eq(fiscalYears.companyId, input.companyId),
          lte(fiscalYears.startsOn, endsOn),
          gte(fiscalYears.endsOn, input.startsOn),
        ),
      );
    if (overlapping)
      throw conflict(
        `The fiscal year ${overlapping.name} (${overlapping.startsOn} to ${overlapping.endsOn}) overlaps ${input.startsOn} to ${endsOn}.`,
        [{ field: 'startsOn', reason: `overlaps the fiscal year ${overlapping.name}` }],
      );
    const name =
      input.name ??
      (input.startsOn.slice(0, 4) === endsOn.slice(0, 4)
        ? input.startsOn.slice(0, 4)
        : `${input.startsOn.slice(0, 4)}/${endsOn.slice(2, 4)}`);
    const [year] = await ctx.tx
      .insert(fiscalYears)
      .values({ tenantId: ctx.tenantId, companyId: input.companyId, name, startsOn: input.startsOn, endsOn })
      .returning();
    const months: { startsOn: string; endsOn: string }[] = [];
    for (let start = input.startsOn; start <= endsOn; start = addMonths(start, 1))
      months.push({ startsOn: start, endsOn: lastOfMonth(start) });
    const periods = await ctx.tx
      .insert(fiscalPeriods)
      .values(
        months.map((m) => ({
          ...m,
          tenantId: ctx.tenantId,
          companyId: input.companyId,
          fiscalYearId: year.id,
        })),
      )
      .returning();
    ctx.audit({ entity: 'fiscalYear', entityId: year.id, after: { ...year, periods: periods.length } });
    return { ...year, periods: periods.sort((a, b) => a.startsOn.localeCompare(b.startsOn)) };
  },
});
