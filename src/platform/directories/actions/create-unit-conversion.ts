import { Decimal } from 'decimal.js';
import { and, eq, or } from 'drizzle-orm';
import { Type } from 'typebox';
import { defineAction } from '../../actions/define-action.js';
import { conflict, invalidField } from '../../http/problem.js';
import { decimalText } from '../rules/decimal-text.js';
import { unitConversions } from '../schema.js';
import { UnitConversionFields } from '../schemas.js';
import { assertUnitUsable } from './directory-rules.js';

const pair = (from: string, to: string) =>
  and(eq(unitConversions.fromUnit, from), eq(unitConversions.toUnit, to));

/**
 * 1 fromUnit = factor toUnit. Converting derives the reverse, so a pair is stored one way
 * only: a second row the other way round could contradict the first.
 */
export const createUnitConversion = defineAction({
  name: 'directories.createUnitConversion',
  input: Type.Object(UnitConversionFields, { additionalProperties: false }),
  permission: 'directories:manage',
  async run(ctx, input) {
    const { fromUnit, toUnit, factor } = input;
    if (fromUnit === toUnit)
      throw invalidField('toUnit', `must differ from fromUnit: ${fromUnit} to itself is always 1`);
    if (new Decimal(factor).lte(0)) throw invalidField('factor', 'must be greater than 0');
    await assertUnitUsable(ctx.tx, fromUnit, 'fromUnit');
    await assertUnitUsable(ctx.tx, toUnit, 'toUnit');

    const [defined] = await ctx.tx
      .select()
      .from(unitConversions)
      .where(or(pair(fromUnit, toUnit), pair(toUnit, fromUnit)));
    if (defined) {
      const reason = `${fromUnit}→${toUnit} is already defined as ${defined.fromUnit}→${defined.toUnit} ${decimalText(defined.factor)}`;
      throw conflict(`${reason}.`, [
        { field: 'fromUnit', reason },
        { field: 'toUnit', reason },
      ]);
    }

    const [conversion] = await ctx.tx
      .insert(unitConversions)
      .values({ tenantId: ctx.tenantId, ...input })
      .returning();
    ctx.audit({ entity: 'unitConversion', entityId: conversion.id, after: conversion });
    return conversion;
  },
});
