import { type AnyColumn, ilike, isNull, or, type SQL } from 'drizzle-orm';

/** `q` of a list: any of the columns contains the text; % and _ are matched as themselves. */
export function textFilter(q: string | undefined, ...columns: AnyColumn[]): SQL | undefined {
  if (!q) return undefined;
  const pattern = `%${q.replace(/[\\%_]/g, '\\$&')}%`;
  return or(...columns.map((column) => ilike(column, pattern)));
}

/** Lists hide archived rows unless asked to show them. */
export const unlessArchived = (includeArchived: boolean | undefined, archivedAt: AnyColumn) =>
  includeArchived ? undefined : isNull(archivedAt);
