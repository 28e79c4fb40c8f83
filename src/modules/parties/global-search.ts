import { type SQL, sql } from 'drizzle-orm';
import { sqlRows, type Tx } from '../../platform/db/database.js';
import { type Reader, searchSourcesOf } from './client-record-sources.js';
import { anchorOf, searchWords } from './rules/search-words.js';
import { clients } from './schema.js';

export interface SearchHit {
  type: string;
  id: string;
  title: string;
  detail: string | null;
  clientId: string | null;
}

/**
 * How many terms one prefix may yield before ranking. A fragment as common as "eva" starts
 * tens of thousands of terms; the first ones in term order are the closest (the exact word,
 * then the shortest words beginning with it), so reading on would cost time and change little.
 * A rep sees only their own clients' records, which the candidates do not know, so a rep's
 * search reads further.
 */
const CANDIDATES = 200;
const CANDIDATES_FOR_OWN_RECORDS = 5000;

/** The last code point: every string that begins with a prefix sorts below prefix + this. */
const AFTER_PREFIX = '\u{10FFFF}';

// Comparisons of text are LEAKPROOF, so under row-level security they stay index conditions
// on (tenant_id, at_word_start, term), which LIKE would not (migration 0011).
const startsWith = (column: SQL, prefix: string) =>
  sql`(${column} >= ${prefix} and ${column} < ${prefix + AFTER_PREFIX})`;

/**
 * The records whose terms the anchor word begins, best first: the whole word, then a word
 * beginning with it, then a fragment inside a word; each other word of the text must begin
 * a term of the same record.
 */
function candidates(words: string[][], types: string[], cap: number): SQL {
  const anchor = anchorOf(words);
  const branches = words[anchor].flatMap((prefix) => [
    sql`(select record_type, record_id, case when term = ${prefix} then 3 else 2 end as score
      from search_terms where at_word_start and ${startsWith(sql`term`, prefix)} order by term limit ${cap})`,
    sql`(select record_type, record_id, 1 as score
      from search_terms where not at_word_start and ${startsWith(sql`term`, prefix)} order by term limit ${cap})`,
  ]);
  const others = words
    .filter((_, i) => i !== anchor)
    .map(
      (alternatives) => sql`and exists (select 1 from search_terms o where o.record_id = c.record_id
        and (${sql.join(
          alternatives.map((prefix) => startsWith(sql`o.term`, prefix)),
          sql` or `,
        )}))`,
    );
  return sql`select c.record_type, c.record_id, max(c.score) as score
    from (${sql.join(branches, sql` union all `)}) c
    where c.record_type in (${sql.join(
      types.map((t) => sql`${t}`),
      sql`, `,
    )}) ${sql.join(others, sql` `)}
    group by c.record_type, c.record_id`;
}

/** Clients, contacts, deals... by a fragment of a name, a phone, an email or a tax id; best matches first. */
export async function globalSearch(
  tx: Tx,
  reader: Reader,
  text: string,
  limit: number,
): Promise<SearchHit[]> {
  const { actor } = reader;
  const sources = searchSourcesOf(reader);
  const words = searchWords(text);
  if (sources.length === 0 || words.length === 0) return [];
  const cap = actor.ownRecordsOnly ? CANDIDATES_FOR_OWN_RECORDS : CANDIDATES;
  const found = (type: string) => sql`(select record_id, score from hits where record_type = ${type})`;
  const union = sql.join(
    sources.map(({ type, source }) => source(found(type), text)),
    sql` union all `,
  );
  const visible = actor.ownRecordsOnly
    ? sql`where h.client_id in (select ${clients.id} from ${clients} where ${clients.responsibleUserId} = ${actor.userId})`
    : sql``;
  const rows = await sqlRows<Record<string, any>>(
    tx,
    sql`with hits as materialized (${candidates(
      words,
      sources.map((s) => s.type),
      cap,
    )})
    select h.* from (${union}) h ${visible} order by h.rank desc, h.title limit ${limit}`,
  );
  return rows.map((r) => ({
    type: r.type,
    id: r.id,
    title: r.title,
    detail: r.detail,
    clientId: r.client_id,
  }));
}
