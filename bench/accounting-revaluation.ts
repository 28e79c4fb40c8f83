/**
 * Unrealised exchange revaluation over many open dollar items: GET the preview, then POST the
 * revaluation (one entry and its reversal) and cancel it, a few times; the baseline is one
 * hand-written query reading the same items. Its own company, so the other figures keep theirs.
 */
import { performance } from 'node:perf_hooks';
import type { Database } from '../src/platform/db/database.js';
import { apiCall, benchBooks } from './bench-books.js';
import { percentile, table } from './common.js';

export interface RevaluationTiming {
  db: string;
  items: number;
  previewMs: number[];
  postMs: number[];
  bareMs: number[];
}

const DATE = '2026-06-30';

/** A company with the starter chart, a general journal, the year and 20,000 open dollar items. */
async function setUp(base: string, cookie: string, database: Database, tenantId: string, items: number) {
  const books = await benchBooks(base, cookie, 'Bench FX Ltd', [
    { code: 'GEN', name: 'General', kind: 'general' },
  ]);
  const company = { id: books.companyId };
  const receivable = books.account['1100'];
  for (const [validOn, rate] of [
    ['2026-01-01', '0.9'],
    [DATE, '0.93'],
  ])
    await apiCall(base, cookie, 'POST', '/exchange-rates', {
      baseCurrency: 'USD',
      quoteCurrency: 'EUR',
      validOn,
      rate,
    });
  const customers = Math.max(10, Math.round(items / 40));
  await database.session((session) =>
    session.exec(`
      select setseed(0.41);
      set session_replication_role = replica;
      create temp table bench_fx_customers as
        select gen_random_uuid() as id, n from generate_series(1, ${customers}) n;
      insert into counterparties (id, tenant_id, legal_name, kind, country)
        select id, '${tenantId}', 'FX Customer ' || lpad(n::text, 6, '0'), 'legal_entity', 'US' from bench_fx_customers;
      insert into open_items (id, tenant_id, company_id, side, counterparty_id, account_id, document_date, due_date,
          currency, rate, amount, amount_in_company_currency, outstanding, outstanding_in_company_currency)
        select gen_random_uuid(), '${tenantId}', '${company.id}', 'receivable', c.id, '${receivable}',
          date '2026-01-01' + floor(random() * 170)::int, date '2026-07-31', 'USD', 0.9, x.amount,
          round(x.amount * 0.9, 2), x.amount, round(x.amount * 0.9, 2)
        from (select n, round((random() * 5000)::numeric + 1, 2) as amount from generate_series(1, ${items}) n) x
        join bench_fx_customers c on c.n = 1 + x.n % ${customers};
      drop table bench_fx_customers;
      set session_replication_role = default;`),
  );
  await database.exec('ANALYZE open_items');
  return company.id as string;
}

export async function measureRevaluation(
  db: string,
  database: Database,
  base: string,
  cookie: string,
  tenantId: string,
  options: { items: number; runs: number },
): Promise<RevaluationTiming> {
  const companyId = await setUp(base, cookie, database, tenantId, options.items);
  const previewMs: number[] = [];
  const postMs: number[] = [];
  const bareMs: number[] = [];
  for (let run = -1; run < options.runs; run++) {
    let t = performance.now();
    const preview = await apiCall(
      base,
      cookie,
      'GET',
      `/accounting/revaluations/preview?companyId=${companyId}&date=${DATE}`,
    );
    if (run >= 0) previewMs.push(performance.now() - t);
    if (preview.items.length !== options.items) throw new Error(`preview: ${preview.items.length} items`);
    t = performance.now();
    const posted = await apiCall(base, cookie, 'POST', '/accounting/revaluations', { companyId, date: DATE });
    if (run >= 0) postMs.push(performance.now() - t);
    await apiCall(base, cookie, 'POST', `/accounting/revaluations/${posted.id}/cancel`, {});
    t = performance.now();
    await database.query(
      `select id, outstanding, outstanding_in_company_currency from open_items
        where company_id = $1 and currency <> 'EUR' and outstanding <> 0`,
      [companyId],
    );
    if (run >= 0) bareMs.push(performance.now() - t);
  }
  for (const ms of [previewMs, postMs, bareMs]) ms.sort((a, b) => a - b);
  process.stderr.write(
    `  ${db} revaluation of ${options.items} items: preview p50 ${percentile(previewMs, 50).toFixed(0)} ms, post p50 ${percentile(postMs, 50).toFixed(0)} ms\n`,
  );
  return { db, items: options.items, previewMs, postMs, bareMs };
}

export function revaluationLines(results: { revaluation: RevaluationTiming }[]) {
  return [
    '',
    'accounting: revaluation of open dollar items at a month end: GET the preview, POST it (an entry per counterparty line and its reversal), vs one hand-written query reading the same items',
    table(
      [
        'db',
        'open items',
        'preview p50 ms',
        'post p50 ms',
        'read by hand p50 ms',
        'ratio preview',
        'ratio post',
      ],
      results.map(({ revaluation: r }) => {
        const bare = Math.max(1, percentile(r.bareMs, 50));
        return [
          r.db,
          r.items.toLocaleString('en-US'),
          percentile(r.previewMs, 50).toFixed(0),
          percentile(r.postMs, 50).toFixed(0),
          percentile(r.bareMs, 50).toFixed(0),
          (percentile(r.previewMs, 50) / bare).toFixed(1),
          (percentile(r.postMs, 50) / bare).toFixed(1),
        ];
      }),
      [false, true, true, true, true, true, true],
    ),
  ];
}
