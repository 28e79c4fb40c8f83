import { sql } from 'drizzle-orm';
import { registerSearchSource } from './client-record-sources.js';

/** The digits of a phone fragment without trunk zeros: "0881 234" finds +359881234567. */
const phoneDigits = (text: string) => text.replace(/\D/g, '').replace(/^0+/, '');

/**
 * Each way of finding a record is its own branch so that each can use its own index (trigram
 * for names, btree for exact emails and tax ids); an OR across columns would scan the table.
 */
const PARTIES = { module: 'parties', permission: 'parties:read' };

export function registerPartiesSearch() {
  registerSearchSource(
    'client-name',
    PARTIES,
    (text, pattern) => sql`
    select 'client' as type, c.id, c.name as title, coalesce(c.email, c.phone) as detail, c.id as client_id,
      similarity(c.name, ${text}) + 0.5 as rank
    from clients c where c.archived_at is null and c.name ilike ${pattern}`,
  );
  registerSearchSource(
    'client-email',
    PARTIES,
    (text) => sql`
    select 'client' as type, c.id, c.name as title, c.email as detail, c.id as client_id, 2.0::real as rank
    from clients c where c.archived_at is null and c.email = lower(${text})`,
  );
  registerSearchSource('client-phone', PARTIES, (text) => {
    const digits = phoneDigits(text);
    if (digits.length < 5)
      return sql`select null::text as type, null::uuid as id, null::text as title, null::text as detail, null::uuid as client_id, 0::real as rank where false`;
    return sql`
      select 'client' as type, c.id, c.name as title, c.phone as detail, c.id as client_id, 1.8::real as rank
      from clients c where c.archived_at is null and c.phone like ${`%${digits}%`}`;
  });
  registerSearchSource(
    'contact-name',
    PARTIES,
    (text, pattern) => sql`
    select 'contact' as type, p.id, p.first_name || coalesce(' ' || p.last_name, '') as title, c.name as detail, p.client_id,
      similarity(p.first_name || ' ' || coalesce(p.last_name, ''), ${text}) + 0.4 as rank
    from contacts p join clients c on c.id = p.client_id
    where p.archived_at is null and (p.first_name || ' ' || coalesce(p.last_name, '')) ilike ${pattern}`,
  );
  registerSearchSource('contact-email-phone', PARTIES, (text) => {
    const digits = phoneDigits(text);
    const phone = digits.length >= 5 ? sql`or array_to_string(p.phones, ' ') like ${`%${digits}%`}` : sql``;
    return sql`
      select 'contact' as type, p.id, p.first_name || coalesce(' ' || p.last_name, '') as title, c.name as detail, p.client_id, 1.9::real as rank
      from contacts p join clients c on c.id = p.client_id
      where p.archived_at is null and (p.emails @> array[lower(${text})] ${phone})`;
  });
  registerSearchSource(
    'counterparty',
    PARTIES,
    (text, pattern) => sql`
    select 'counterparty' as type, k.id, k.legal_name as title, k.tax_id as detail, l.client_id,
      case when k.tax_id = ${text} then 2.0 else similarity(k.legal_name, ${text}) + 0.3 end as rank
    from counterparties k
    left join lateral (
      select cc.client_id from client_counterparties cc
      where cc.counterparty_id = k.id and (cc.valid_to is null or cc.valid_to >= current_date)
      order by cc.valid_from desc limit 1
    ) l on true
    where k.archived_at is null and (k.tax_id = ${text} or k.legal_name ilike ${pattern})`,
  );
}
