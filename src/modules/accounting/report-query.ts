import { and, eq } from 'drizzle-orm';
import { Type } from 'typebox';
import type { Executor } from '../../platform/db/database.js';
import { invalidField } from '../../platform/http/problem.js';
import { Id } from '../../platform/http/schemas.js';
import type { DimensionFilter } from './reports.js';
import { analyticDimensions } from './schema.js';
import type { DimensionColumn } from './statement-amounts.js';

/** json (the default) answers the report; csv and xlsx answer a file to download. */
export const Format = Type.Optional(
  Type.Union([Type.Literal('json'), Type.Literal('csv'), Type.Literal('xlsx')], {
    description: 'csv answers text/csv, xlsx a spreadsheet (amounts numeric)',
  }),
);
export const FILE_TYPES = [
  'application/json',
  'text/csv',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
];

/** Each dimension kind: its query parameter and its column on GL rows. */
export const DIMENSIONS = {
  cost_centre: { param: 'costCentreId', column: 'cost_centre_id' },
  project: { param: 'projectId', column: 'project_id' },
  department: { param: 'departmentId', column: 'department_id' },
} as const satisfies Record<string, { param: string; column: DimensionColumn }>;
export type DimensionKind = keyof typeof DIMENSIONS;

export const DimensionParams = {
  costCentreId: Type.Optional(Id),
  projectId: Type.Optional(Id),
  departmentId: Type.Optional(Id),
};
type DimensionQuery = { costCentreId?: string; projectId?: string; departmentId?: string };

export function checkRange(from: string, to: string, field = 'to', fromField = 'from') {
  if (to < from) throw invalidField(field, `must not be before ${fromField} (${from})`);
}

/** The one dimension value a report is filtered by, if any; two at once is a 422. */
export function dimensionOf(q: DimensionQuery) {
  const given = Object.entries(DIMENSIONS).filter(([, d]) => q[d.param]);
  if (given.length > 1) throw invalidField(given[1][1].param, 'filter by one dimension at a time');
  if (!given.length) return { kind: undefined, filter: undefined };
  const [kind, d] = given[0] as [DimensionKind, (typeof DIMENSIONS)[DimensionKind]];
  return { kind, filter: { column: d.column, id: q[d.param]! } satisfies DimensionFilter };
}

/** A filter naming a value of another company or kind finds nothing: say so instead. */
export async function checkDimension(tx: Executor, companyId: string, q: DimensionQuery) {
  const { kind, filter } = dimensionOf(q);
  if (!kind || !filter) return undefined;
  const [found] = await tx
    .select({ id: analyticDimensions.id })
    .from(analyticDimensions)
    .where(
      and(
        eq(analyticDimensions.id, filter.id),
        eq(analyticDimensions.companyId, companyId),
        eq(analyticDimensions.kind, kind),
      ),
    );
  if (!found)
    throw invalidField(
      DIMENSIONS[kind].param,
      `${filter.id} is not a ${kind.replace('_', ' ')} of this company`,
    );
  return filter;
}
