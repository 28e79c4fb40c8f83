/**
 * Bank statements in the accounting suite: a camt.053 statement of 1,000 lines imported through
 * the API into a company owing 20,000 open items, then suggestions computed for every line.
 */
import { performance } from 'node:perf_hooks';
import { type CamtEntry, camt053Document } from '../src/modules/accounting/bank/camt053-writer.js';
import type { Database } from '../src/platform/db/database.js';
import { apiCall, benchBooks } from './bench-books.js';
import { percentile } from './common.js';

export interface BankResult {
  lines: number;
  openItems: number;
  importMs: number;
  duplicateImportMs: number;
  suggestionMs: number[];
  /** Lines whose best suggestion is the item the generator meant. */
  found: number;
}

const log = (text: string) => process.stderr.write(`${text}\n`);

/** Invoices and their open items written in bulk, each of a counterparty with an IBAN on file. */
const openItemsSql = (
  tenantId: string,
  companyId: string,
  userId: string,
  accountId: string,
  items: number,
) => `
  select setseed(0.53);
  set session_replication_role = replica;
  insert into counterparties (id, tenant_id, legal_name, kind, country, bank_accounts)
  select ('00000000-0000-7000-9000-' || lpad(n::text, 12, '0'))::uuid, '${tenantId}',
    'Bank Customer ' || lpad(n::text, 5, '0') || ' Ltd', 'legal_entity', 'BG',
    jsonb_build_array(jsonb_build_object('iban', 'BG' || lpad(n::text, 20, '0')))
  from generate_series(1, ${Math.ceil(items / 10)}) n;
  insert into invoices (id, tenant_id, company_id, kind, number, status, counterparty_id, invoice_date, currency, rate,
    net_total, gross_total, gross_in_company_currency, created_by)
  select ('00000000-0000-7000-a000-' || lpad(n::text, 12, '0'))::uuid, '${tenantId}', '${companyId}', 'customer_invoice',
    'INV-2026-' || lpad(n::text, 5, '0'), 'posted',
    ('00000000-0000-7000-9000-' || lpad((1 + n % ${Math.ceil(items / 10)})::text, 12, '0'))::uuid,
    date '2026-01-01' + (n % 300), 'EUR', 1, amount, amount, amount, '${userId}'
  from (select n, round((random() * 5000)::numeric + 1, 2) as amount from generate_series(1, ${items}) n) x;
  insert into open_items (id, tenant_id, company_id, side, counterparty_id, account_id, invoice_id, document_date,
    due_date, currency, rate, amount, amount_in_company_currency, outstanding, outstanding_in_company_currency)
  select gen_random_uuid(), tenant_id, company_id, 'receivable', counterparty_id, '${accountId}', id, invoice_date,
    invoice_date + 30, 'EUR', 1, gross_total, gross_total, gross_total, gross_total
  from invoices where company_id = '${companyId}';
  set session_replication_role = default;`;

/**
 * A company of its own (so the aging's items do not count), its books, 20,000 open items; then
 * the import timed once, the same file again (every line a duplicate), and the suggestions for
 * all lines asked `runs` times after one not counted.
 */
export async function measureBankStatements(options: {
  database: Database;
  base: string;
  cookie: string;
  tenant: { tenantId: string; adminUserId: string };
  openItems: number;
  lines: number;
  runs: number;
}): Promise<BankResult> {
  const { database, base, cookie, tenant, openItems, lines, runs } = options;
  const books = await benchBooks(base, cookie, 'Bench Bank Ltd', [
    { code: 'BNK', name: 'Bank', kind: 'bank', defaultAccount: '1010' },
  ]);
  const company = { id: books.companyId };
  const account = (code: string) => books.account[code];
  const journal = { id: books.journal.BNK };
  log(`  generating ${openItems} open items for the bank statement...`);
  await database.session((session) =>
    session.exec(openItemsSql(tenant.tenantId, company.id, tenant.adminUserId, account('1100'), openItems)),
  );
  await database.exec('ANALYZE open_items');
  const owed = await database.query<{ number: string; amount: string; legal_name: string; iban: string }>(
    `select i.number, i.gross_total::text as amount, c.legal_name, c.bank_accounts->0->>'iban' as iban
       from invoices i join counterparties c on c.id = i.counterparty_id
      where i.company_id = $1 order by i.number limit $2`,
    [company.id, lines],
  );
  // A third of the lines name their invoice, a third only the payer's account, a third only the payer's name.
  const entries: CamtEntry[] = owed.map((o, i) => ({
    bookingDate: `2026-11-${String(1 + (i % 28)).padStart(2, '0')}`,
    amount: o.amount,
    reference: i % 3 === 0 ? `Payment ${o.number}` : `Transfer ${i}`,
    counterpartyName: i % 3 === 2 ? o.legal_name : null,
    counterpartyIban: i % 3 === 1 ? o.iban : null,
    bankReference: `BENCH-${i}`,
  }));
  const content = camt053Document({
    statementId: 'BENCH-2026-11',
    iban: 'BG18RZBB91550123456789',
    currency: 'EUR',
    openingBalance: '0',
    entries,
  });
  const body = { journalId: journal.id, format: 'camt053', content };
  let t = performance.now();
  const imported = await apiCall(base, cookie, 'POST', '/bank-statements/import', body);
  const importMs = performance.now() - t;
  t = performance.now();
  await apiCall(base, cookie, 'POST', '/bank-statements/import', body);
  const duplicateImportMs = performance.now() - t;
  const suggestionMs: number[] = [];
  let found = 0;
  for (let run = -1; run < runs; run++) {
    t = performance.now();
    const answer = await apiCall(
      base,
      cookie,
      'GET',
      `/bank-statements/${imported.statement.id}/suggestions`,
    );
    if (run >= 0) suggestionMs.push(performance.now() - t);
    found = answer.filter(
      (s: { suggestions: { documentNumber: string }[] }, i: number) =>
        s.suggestions[0]?.documentNumber === owed[i].number,
    ).length;
  }
  suggestionMs.sort((a, b) => a - b);
  log(
    `  bank statement: import ${importMs.toFixed(0)} ms, suggestions p50 ${percentile(suggestionMs, 50).toFixed(0)} ms`,
  );
  return { lines: entries.length, openItems, importMs, duplicateImportMs, suggestionMs, found };
}
