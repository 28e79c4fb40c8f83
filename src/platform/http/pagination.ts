import { type AnyColumn, and, asc, desc, type SQL, sql } from 'drizzle-orm';
import { type TProperties, type TSchema, Type } from 'typebox';
import { invalidField } from './problem.js';

export const Limit = Type.Integer({ minimum: 1, maximum: 200, description: 'Items per page (default 50).' });
export const Cursor = Type.String({ maxLength: 500, description: 'The nextCursor of the previous page.' });

/** Query-string schema for a list: page size, cursor, sort by one of `sortFields` (`-name` sorts descending). */
export function listQuery<P extends TProperties>(sortFields: string[], filters: P) {
  const sortValues = sortFields.flatMap((f) => [f, `-${f}`]);
  return Type.Object(
    {
      limit: Type.Optional(Limit),
      cursor: Type.Optional(Cursor),
      sort: Type.Optional(
        Type.Union(
          sortValues.map((v) => Type.Literal(v)),
          { description: `One of ${sortValues.join(', ')}` },
        ),
      ),
      ...filters,
    },
    { additionalProperties: false },
  );
}

export const pageOf = <T extends TSchema>(item: T) =>
  Type.Object({
    items: Type.Array(item),
    nextCursor: Type.Union([Type.String(), Type.Null()], {
      description: 'Pass as `cursor` for the next page; null on the last page.',
    }),
  });

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

interface PageRequest {
  limit?: number;
  cursor?: string;
  sort?: string;
}

function encodeCursor(value: unknown, id: string): string {
  const v = value instanceof Date ? value.toISOString() : value;
  return Buffer.from(JSON.stringify([v, id])).toString('base64url');
}

function decodeCursor(cursor: string): [unknown, string] {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === 2 && typeof parsed[1] === 'string')
      return parsed as [unknown, string];
  } catch {
    // falls through to the problem below
  }
  throw invalidField('cursor', 'is not a cursor this list gave out; start again without it');
}

/** A sort column that may be empty (a task's due time): rows without a value come last either way. */
export interface NullsLast {
  nullsLast: AnyColumn;
}
export const nullsLast = (column: AnyColumn): NullsLast => ({ nullsLast: column });

/**
 * Where the page after the cursor starts, and in which order. A column that may be empty sorts its
 * empty rows last: a cursor with a value goes on past it and then into the empty ones; a cursor
 * among the empty ones goes on by id alone.
 */
function keyset(
  sortColumn: AnyColumn | NullsLast,
  idColumn: AnyColumn,
  descending: boolean,
  cursor: [unknown, string] | undefined,
) {
  const nullable = 'nullsLast' in sortColumn;
  const column = nullable ? sortColumn.nullsLast : sortColumn;
  const direction = descending ? sql`desc` : sql`asc`;
  const byColumn = nullable ? sql`${column} ${direction} nulls last` : sql`${column} ${direction}`;
  const orderBy = [byColumn, descending ? desc(idColumn) : asc(idColumn)];
  if (!cursor) return { where: undefined, orderBy };
  const [value, id] = cursor;
  const comparison = descending ? sql`<` : sql`>`;
  if (nullable && value === null)
    return { where: sql`(${column} is null and ${idColumn} ${comparison} ${id})`, orderBy };
  const after = sql`(${column}, ${idColumn}) ${comparison} (${value}, ${id})`;
  return { where: nullable ? sql`(${after} or ${column} is null)` : after, orderBy };
}

/**
 * Keyset pagination: stable under inserts and as fast on page 1,000 as on page 1. Sorts by the
 * chosen column then by id, so equal values still have one order.
 */
export async function keysetPage<Row extends { id: string }>(
  request: PageRequest,
  sortColumns: Record<string, AnyColumn | NullsLast>,
  defaultSort: string,
  idColumn: AnyColumn,
  fetch: (where: SQL | undefined, orderBy: SQL[], limit: number) => Promise<Row[]>,
): Promise<Page<Row>> {
  const sort = request.sort ?? defaultSort;
  const descending = sort.startsWith('-');
  const key = descending ? sort.slice(1) : sort;
  const column = sortColumns[key];
  if (!column) throw invalidField('sort', `must be one of ${Object.keys(sortColumns).join(', ')}`);
  const limit = request.limit ?? 50;
  const cursor = request.cursor ? decodeCursor(request.cursor) : undefined;
  const { where, orderBy } = keyset(column, idColumn, descending, cursor);
  const rows = await fetch(where, orderBy, limit + 1);
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  // The sort key is the API's field name, so the row carries the value the next page starts after.
  const nextCursor =
    rows.length > limit && last ? encodeCursor((last as Record<string, unknown>)[key], last.id) : null;
  return { items, nextCursor };
}

export const whereAll = (conditions: (SQL | undefined)[]) => and(...conditions.filter(Boolean));
