import { sql } from 'drizzle-orm';
import { registerSearchSource } from './client-record-sources.js';

/**
 * What global search shows of each record it found (the finding itself is in global-search.ts):
 * the found score first, then how close the name is to the whole text; at equal closeness a
 * client before its contact before a legal entity.
 */
const PARTIES = { module: 'parties', permission: 'parties:read' };

export function registerPartiesSearch() {
  registerSearchSource(
    'client',
    PARTIES,
    (found, text) => sql`
    select 'client' as type, c.id, c.name as title, coalesce(c.email, c.phone) as detail, c.id as client_id,
      f.score + similarity(c.name, ${text}) + 0.3 as rank
    from ${found} f join clients c on c.id = f.record_id`,
  );
  registerSearchSource(
    'contact',
    PARTIES,
    (found, text) => sql`
    select 'contact' as type, p.id, p.first_name || coalesce(' ' || p.last_name, '') as title, c.name as detail,
      p.client_id, f.score + similarity(p.first_name || coalesce(' ' || p.last_name, ''), ${text}) + 0.2 as rank
    from ${found} f join contacts p on p.id = f.record_id join clients c on c.id = p.client_id`,
  );
  registerSearchSource(
    'counterparty',
    PARTIES,
    (found, text) => sql`
    select 'counterparty' as type, k.id, k.legal_name as title, k.tax_id as detail, l.client_id,
      f.score + similarity(k.legal_name, ${text}) + 0.1 as rank
    from ${found} f join counterparties k on k.id = f.record_id
    left join lateral (
      select cc.client_id from client_counterparties cc
      where cc.counterparty_id = k.id and (cc.valid_to is null or cc.valid_to >= current_date)
      order by cc.valid_from desc limit 1
    ) l on true`,
  );
}
