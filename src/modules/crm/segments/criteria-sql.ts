import { type SQL, sql } from 'drizzle-orm';
import type { SegmentCondition, SegmentCriteria } from '../schema.js';
import { fieldType } from './segment-fields.js';

/** Client columns and derived figures, for a client row aliased `c`. */
const COLUMNS: Record<string, SQL> = {
  name: sql`c.name`,
  email: sql`c.email`,
  phone: sql`c.phone`,
  kind: sql`c.kind`,
  tags: sql`c.tags`,
  responsibleUserId: sql`c.responsible_user_id`,
  industryId: sql`c.industry_id`,
  createdAt: sql`c.created_at`,
  firstSourceId: sql`(select a.first_source_id from client_attribution a where a.client_id = c.id)`,
  lastInteractionAt: sql`(select max(i.occurs_at) from interactions i where i.client_id = c.id and i.status = 'done')`,
  openDeals: sql`(select count(*) from deals d where d.client_id = c.id and d.status = 'open')`,
  wonDeals: sql`(select count(*) from deals d where d.client_id = c.id and d.status = 'won')`,
};

/** Drizzle spreads a JS array into a parameter list, so an array value is built element by element. */
const textArray = (values: string[]) =>
  sql`array[${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )}]::text[]`;

/**
 * Tags are kept as people typed them ("VIP", "vip"); a segment matches them in any case. Lower-
 * casing the array's text form keeps its quoting, so it reads back as the same tags, lower-cased.
 */
const lowerTags = (tags: SQL) => sql`lower((${tags})::text)::text[]`;

const escapeLike = (text: string) => text.replace(/[\\%_]/g, '\\$&');

function condition(cond: SegmentCondition): SQL {
  const type = fieldType(cond.field)!;
  const v = cond.value as any;
  if (type === 'amount') {
    const won = sql`(select coalesce(sum(d.amount), 0) from deals d where d.client_id = c.id and d.status = 'won' and d.currency = ${v.currency})`;
    return cond.op === 'gte' ? sql`${won} >= ${v.amount}::numeric` : sql`${won} <= ${v.amount}::numeric`;
  }
  const column =
    type === 'custom' ? sql`(c.custom ->> ${cond.field.slice('custom.'.length)})` : COLUMNS[cond.field];
  switch (cond.op) {
    case 'isEmpty':
      return type === 'tags'
        ? sql`cardinality(${column}) = 0`
        : sql`(${column} is null or ${column}::text = '')`;
    case 'isNotEmpty':
      return sql`(${column} is not null and ${column}::text <> '')`;
    case 'equals':
      return type === 'text' || type === 'custom'
        ? sql`lower(${column}) = lower(${v})`
        : sql`${column} = ${v}`;
    case 'contains':
      return sql`${column} ilike ${`%${escapeLike(v)}%`}`;
    case 'startsWith':
      return sql`${column} ilike ${`${escapeLike(v)}%`}`;
    case 'in':
      return sql`${column}::text in ${v as string[]}`;
    case 'hasAny':
      return sql`${lowerTags(column)} && ${lowerTags(textArray(v))}`;
    case 'hasAll':
      return sql`${lowerTags(column)} @> ${lowerTags(textArray(v))}`;
    case 'before':
      return sql`${column} < ${v}::date`;
    case 'after':
      return sql`${column} >= (${v}::date + 1)`;
    case 'withinDays':
      return sql`${column} >= now() - make_interval(days => ${v}::int)`;
    case 'notWithinDays':
      return sql`(${column} is null or ${column} < now() - make_interval(days => ${v}::int))`;
    case 'eq':
      return sql`${column} = ${v}::int`;
    case 'gte':
      return sql`${column} >= ${v}::int`;
    case 'lte':
      return sql`${column} <= ${v}::int`;
    // custom fields hold text; compare as numbers or dates, whichever the value is
    case 'gt':
      return sql`${customAs(column, v)} > ${customValue(v)}`;
    case 'lt':
      return sql`${customAs(column, v)} < ${customValue(v)}`;
  }
  throw new Error(`Unchecked segment operator ${cond.op}`);
}

const isDay = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v);
/** A custom value that is not a number (or date) never matches instead of failing the whole query. */
const customAs = (column: SQL, v: string) =>
  isDay(v)
    ? sql`(case when ${column} ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' then (${column})::date end)`
    : sql`(case when ${column} ~ '^-?[0-9]+([.][0-9]+)?$' then (${column})::numeric end)`;
const customValue = (v: string) => (isDay(v) ? sql`${v}::date` : sql`${v}::numeric`);

/** The WHERE clause of a checked criteria tree over clients aliased `c`. Values are bound, never spliced. */
export function criteriaSql(criteria: SegmentCriteria): SQL {
  const list = criteria.all ?? criteria.any ?? [];
  const parts = list.map((item) =>
    'field' in item ? condition(item as SegmentCondition) : criteriaSql(item as SegmentCriteria),
  );
  return sql`(${sql.join(parts, criteria.all ? sql` and ` : sql` or `)})`;
}
