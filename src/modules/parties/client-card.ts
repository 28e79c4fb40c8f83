import { type SQL, sql } from 'drizzle-orm';
import { sqlRows, type Tx } from '../../platform/db/database.js';
import { invalidField } from '../../platform/http/problem.js';
import { type Reader, timelineSourcesOf } from './client-record-sources.js';

export interface TimelineEntry {
  type: string;
  id: string;
  at: Date | string;
  title: string;
  detail: string | null;
  status: string | null;
  dealId: string | null;
  userId: string | null;
  userName: string | null;
}

const encode = (at: string, id: string) => Buffer.from(JSON.stringify([at, id])).toString('base64url');
function decode(cursor: string): [string, string] {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (typeof at === 'string' && typeof id === 'string') return [at, id];
  } catch {
    // falls through
  }
  throw invalidField('cursor', 'is not a cursor this timeline gave out; start again without it');
}

/**
 * Newest first, one page: every module's rows for the client merged by time. Each source is
 * ordered and limited on its own first, so a client with thousands of calls costs one index
 * walk per source, not a sort of everything.
 */
export async function clientTimeline(
  tx: Tx,
  reader: Reader,
  clientId: string,
  options: { limit: number; cursor?: string; types?: string[] },
) {
  const sources = timelineSourcesOf(reader, options.types);
  if (sources.length === 0) return { items: [] as TimelineEntry[], nextCursor: null };
  const after = options.cursor ? decode(options.cursor) : undefined;
  const page = options.limit + 1;
  const branch = (source: SQL) =>
    after
      ? sql`(select * from (${source}) s where (s.at, s.id) < (${after[0]}::timestamptz, ${after[1]}::uuid) order by s.at desc, s.id desc limit ${page})`
      : sql`(select * from (${source}) s order by s.at desc, s.id desc limit ${page})`;
  const union = sql.join(
    sources.map((s) => branch(s(clientId))),
    sql` union all `,
  );
  const rows = await sqlRows<Record<string, any>>(
    tx,
    sql`select e.*, u.name as user_name from (${union}) e left join users u on u.id = e.user_id order by e.at desc, e.id desc limit ${page}`,
  );
  const items: TimelineEntry[] = rows.slice(0, options.limit).map((r) => ({
    type: r.type,
    id: r.id,
    at: r.at,
    title: r.title,
    detail: r.detail,
    status: r.status,
    dealId: r.deal_id,
    userId: r.user_id,
    userName: r.user_name,
  }));
  const last = items.at(-1);
  const at = (v: Date | string) => (v instanceof Date ? v.toISOString() : new Date(v).toISOString());
  return { items, nextCursor: rows.length > options.limit && last ? encode(at(last.at), last.id) : null };
}
