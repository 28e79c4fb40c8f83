import { type AnyColumn, and, gte, ilike, isNull, lte, or, type SQL } from 'drizzle-orm';

/** `q` of a list: any of the columns contains the text; % and _ are matched as themselves. */
export function textFilter(q: string | undefined, ...columns: AnyColumn[]): SQL | undefined {
  if (!q) return undefined;
  const pattern = `%${q.replace(/[\\%_]/g, '\\$&')}%`;
  return or(...columns.map((column) => ilike(column, pattern)));
}

/** Lists hide archived rows unless asked to show them. */
export const unlessArchived = (includeArchived: boolean | undefined, archivedAt: AnyColumn) =>
  includeArchived ? undefined : isNull(archivedAt);

/** `from` and `to` of a list: days from and to, both included; either may be left open. */
export const withinDays = (column: AnyColumn, from: string | undefined, to: string | undefined) =>
  from || to ? and(from ? gte(column, from) : undefined, to ? lte(column, to) : undefined) : undefined;
