/**
 * The accounting suite of `npm run bench`: the trial balance of a company whose general ledger
 * holds 10,000,000 rows, for periods of every shape (a month, a quarter, a year, three years, and
 * periods that start and end inside months), through Tandem's HTTP API, on PostgreSQL and PGlite.
 * See bench/README.md.
 */
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { createApp } from '../src/app.js';
import { readConfig } from '../src/platform/config.js';
import type { Database } from '../src/platform/db/database.js';
import { openEmbedded } from '../src/platform/db/embedded.js';
import { migrate } from '../src/platform/db/migrate.js';
import { openServer } from '../src/platform/db/server.js';
import { createTenant } from '../src/platform/tenancy/create-tenant.js';
import { type BankResult, measureBankStatements } from './accounting-bank.js';
import { type LedgerSizes, ledgerSteps, openItemSteps } from './accounting-data.js';
import { measurePosting, type PostingResult } from './accounting-posting.js';
import { measureRevaluation, type RevaluationTiming, revaluationLines } from './accounting-revaluation.js';
import {
  measureStatements,
  type StatementTiming,
  statementGoal,
  statementLines,
} from './accounting-statements.js';
import { backendsGone, listen, logIn, PASSWORD, percentile, table, withDatabase } from './common.js';

const env = process.env;
const num = (name: string, fallback: number) => (env[name] ? Number(env[name]) : fallback);

export const accountingSettings = {
  adminUrl: env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres',
  databaseName: 'tandem_bench_accounting',
  sizes: { glRows: num('BENCH_ACC_GL_ROWS', 10_000_000), accounts: 400 } satisfies LedgerSizes,
  /** PGlite's ledger as a fraction of PostgreSQL's: 10 million rows in WebAssembly memory take minutes and gigabytes. */
  pgliteScale: num('BENCH_ACC_PGLITE_SCALE', 0.1),
  /** Requests per period shape, one at a time. */
  runs: num('BENCH_ACC_RUNS', 5),
  /** Invoice posting: concurrent workers (PGlite: 1) and seconds per side. */
  postingWorkers: num('BENCH_ACC_POST_WORKERS', 8),
  postingSeconds: num('BENCH_ACC_POST_SECONDS', 10),
  /** Open dollar items revalued at a month end (both databases). */
  revaluationItems: num('BENCH_ACC_REVALUATION_ITEMS', 20_000),
  /** Open items for the aging (PostgreSQL; PGlite takes pgliteScale of them) over this many customers. */
  openItems: num('BENCH_ACC_OPEN_ITEMS', 200_000),
  customers: 5_000,
  agingGoalMs: 1000,
  /** A camt.053 statement of this many lines matched against this many open items (both databases). */
  bankLines: num('BENCH_ACC_BANK_LINES', 1_000),
  bankOpenItems: num('BENCH_ACC_BANK_ITEMS', 20_000),
  goalMs: 300,
};

type Db = 'PostgreSQL' | 'PGlite';

/** Periods of every shape inside the generated three years (2024-2026). */
const PERIODS: { label: string; from: string; to: string }[] = [
  { label: 'a month', from: '2026-10-01', to: '2026-10-31' },
  { label: 'a quarter', from: '2026-07-01', to: '2026-09-30' },
  { label: 'a year', from: '2025-01-01', to: '2025-12-31' },
  { label: 'three years', from: '2024-01-01', to: '2026-12-31' },
  { label: 'inside one month', from: '2026-05-10', to: '2026-05-20' },
  { label: 'mid-month to mid-month', from: '2025-03-15', to: '2026-02-14' },
];

export interface AccountingResult {
  db: Db;
  glRows: number;
  generationMs: number;
  steps: { label: string; ms: number }[];
  periods: { label: string; ms: number[]; accounts: number }[];
  statements: StatementTiming[];
  posting: PostingResult;
  aging: { items: number; counterparties: number; ms: number[] };
  bank: BankResult;
  revaluation: RevaluationTiming;
}

const log = (text: string) => process.stderr.write(`${text}\n`);

type Connect = Parameters<typeof measurePosting>[0]['connect'];

async function runStage(
  db: Db,
  database: Database,
  sizes: LedgerSizes,
  connect: Connect,
  databaseUrl?: string,
) {
  await migrate(database);
  const { platform, server } = await createApp({ ...readConfig({}), databaseUrl }, database);
  try {
    const email = 'bench@accounting.test';
    const tenant = await createTenant(platform, 'Bench Books', {
      admin: { email, name: 'Bench Accountant', password: PASSWORD },
      company: { name: 'Bench Books Ltd', baseCurrency: 'EUR' },
    });
    log(`  ${db}: generating ${sizes.glRows} GL rows over ${sizes.accounts} accounts...`);
    const started = performance.now();
    const steps: { label: string; ms: number }[] = [];
    await database.session(async (session) => {
      for (const step of ledgerSteps(sizes, {
        tenantId: tenant.tenantId,
        companyId: tenant.companyId,
        userId: tenant.adminUserId,
      })) {
        const t = performance.now();
        await session.exec(step.sql);
        steps.push({ label: step.label, ms: performance.now() - t });
        log(`    ${step.label}: ${((performance.now() - t) / 1000).toFixed(1)} s`);
      }
    });
    await database.exec('ANALYZE');
    const generationMs = performance.now() - started;
    const base = await listen(server);
    const cookie = await logIn(base, email);
    const periods: AccountingResult['periods'] = [];
    for (const period of PERIODS) {
      const ms: number[] = [];
      let accounts = 0;
      // One request first, not counted: the first read after generating ten million rows finds
      // cold caches, which a ledger in daily use does not have.
      for (let run = -1; run < accountingSettings.runs; run++) {
        const t = performance.now();
        const res = await fetch(
          `${base}/api/v1/accounting/trial-balance?companyId=${tenant.companyId}&from=${period.from}&to=${period.to}`,
          { headers: { cookie }, signal: AbortSignal.timeout(120_000) },
        );
        const body = await res.text();
        if (run >= 0) ms.push(performance.now() - t);
        if (res.status !== 200) throw new Error(`trial balance ${period.label}: ${res.status} ${body}`);
        const parsed = JSON.parse(body) as { items: unknown[]; totals: Record<string, string> };
        accounts = parsed.items.length;
        if (parsed.totals.periodDebit !== parsed.totals.periodCredit)
          throw new Error(`trial balance ${period.label} does not balance: ${JSON.stringify(parsed.totals)}`);
      }
      ms.sort((a, b) => a - b);
      periods.push({ label: period.label, ms, accounts });
      log(`  ${db} trial balance, ${period.label}: p50 ${percentile(ms, 50).toFixed(0)} ms`);
    }
    const statements = await measureStatements(base, cookie, tenant.companyId, accountingSettings.runs);
    const aging = await measureAging(
      db,
      database,
      base,
      cookie,
      tenant,
      db === 'PGlite' ? accountingSettings.pgliteScale : 1,
    );
    const revaluation = await measureRevaluation(db, database, base, cookie, tenant.tenantId, {
      items: accountingSettings.revaluationItems,
      runs: accountingSettings.runs,
    });
    const bank = await measureBankStatements({
      database,
      base,
      cookie,
      tenant,
      openItems: accountingSettings.bankOpenItems,
      lines: accountingSettings.bankLines,
      runs: accountingSettings.runs,
    });
    log(`  ${db}: posting invoices through the API and by hand...`);
    const posting = await measurePosting({
      base,
      cookie,
      database,
      tenantId: tenant.tenantId,
      userId: tenant.adminUserId,
      workers: db === 'PGlite' ? 1 : accountingSettings.postingWorkers,
      seconds: accountingSettings.postingSeconds,
      connect,
    });
    return {
      db,
      glRows: sizes.glRows,
      generationMs,
      steps,
      periods,
      statements,
      posting,
      aging,
      revaluation,
      bank,
    } satisfies AccountingResult;
  } finally {
    await server.close();
    await platform.stop();
  }
}

/** The receivables aging over many open items: generated in bulk, then asked 5 times (after one not counted). */
async function measureAging(
  db: Db,
  database: Database,
  base: string,
  cookie: string,
  tenant: { tenantId: string; companyId: string },
  scale: number,
) {
  const items = Math.round(accountingSettings.openItems * scale);
  const counterparties = Math.max(10, Math.round(accountingSettings.customers * scale));
  log(`  ${db}: generating ${items} open items over ${counterparties} customers...`);
  await database.session(async (session) => {
    for (const step of openItemSteps({ items, counterparties }, tenant)) await session.exec(step.sql);
  });
  await database.exec('ANALYZE open_items');
  const ms: number[] = [];
  for (let run = -1; run < accountingSettings.runs; run++) {
    const t = performance.now();
    const res = await fetch(
      `${base}/api/v1/accounting/aging?companyId=${tenant.companyId}&side=receivable&asOf=2026-11-01`,
      { headers: { cookie }, signal: AbortSignal.timeout(120_000) },
    );
    const body = await res.text();
    if (res.status !== 200) throw new Error(`aging: ${res.status} ${body.slice(0, 300)}`);
    if (run >= 0) ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  log(`  ${db} aging: p50 ${percentile(ms, 50).toFixed(0)} ms`);
  return { items, counterparties, ms };
}

export async function accountingPostgres(): Promise<AccountingResult> {
  const admin = new pg.Client({ connectionString: accountingSettings.adminUrl });
  await admin.connect();
  const name = accountingSettings.databaseName;
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
    const url = withDatabase(accountingSettings.adminUrl, name);
    const database = await openServer({ url, poolSize: 4 });
    try {
      const connect: Connect = async () => {
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        return {
          query: async (text, params) => (await client.query(text, params as unknown[])).rows,
          close: () => client.end(),
        };
      };
      return await runStage('PostgreSQL', database, accountingSettings.sizes, connect, url);
    } finally {
      await database.close();
      await backendsGone(admin, name);
    }
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => {});
    await admin.end();
  }
}

export async function accountingPglite(): Promise<AccountingResult> {
  const database = await openEmbedded({ dataDir: 'memory://' });
  try {
    const glRows = Math.round(accountingSettings.sizes.glRows * accountingSettings.pgliteScale);
    const connect: Connect = async () => ({
      query: async (text, params) => (await database.pglite.query(text, params as unknown[])).rows,
      close: async () => {},
    });
    return await runStage('PGlite', database, { ...accountingSettings.sizes, glRows }, connect);
  } finally {
    await database.close();
  }
}

export function accountingReport(results: AccountingResult[]): { lines: string[]; goals: string[] } {
  if (!results.length) return { lines: [], goals: [] };
  const rows = results.flatMap((r) =>
    r.periods.map((p) => [
      r.db,
      r.glRows.toLocaleString('en-US'),
      p.label,
      String(p.accounts),
      percentile(p.ms, 50).toFixed(0),
      p.ms[p.ms.length - 1].toFixed(0),
    ]),
  );
  const lines = [
    '',
    `accounting: GET /accounting/trial-balance, one request at a time, ${accountingSettings.runs} per period`,
    ...results.map(
      (r) =>
        `${r.db}: ${r.glRows.toLocaleString('en-US')} GL rows generated in ${(r.generationMs / 1000).toFixed(0)} s (` +
        r.steps.map((s) => `${s.label} ${(s.ms / 1000).toFixed(1)} s`).join(', ') +
        ')',
    ),
    table(['db', 'GL rows', 'period', 'accounts', 'p50 ms', 'max ms'], rows, [
      false,
      true,
      false,
      true,
      true,
      true,
    ]),
  ];
  lines.push(...statementLines(results));
  lines.push(
    '',
    'accounting: customer invoices of 5 lines and 2 taxes posted through the API, in one request (post: true) and in two (draft, then post), vs the same rows by hand in one transaction; the three take turns',
    table(
      ['db', 'workers', 'one request/s', 'two requests/s', 'by hand/s', 'ratio one', 'ratio two'],
      results.map((r) => [
        r.db,
        String(r.posting.workers),
        r.posting.tandemPerSecond.toFixed(1),
        r.posting.tandemTwoCallsPerSecond.toFixed(1),
        r.posting.barePerSecond.toFixed(1),
        (r.posting.tandemPerSecond / r.posting.barePerSecond).toFixed(2),
        (r.posting.tandemTwoCallsPerSecond / r.posting.barePerSecond).toFixed(2),
      ]),
      [false, true, true, true, true, true, true],
    ),
  );
  lines.push(
    '',
    'accounting: GET /accounting/aging (receivables by counterparty and days past due), one request at a time',
    table(
      ['db', 'open items', 'customers', 'p50 ms', 'max ms'],
      results.map((r) => [
        r.db,
        r.aging.items.toLocaleString('en-US'),
        r.aging.counterparties.toLocaleString('en-US'),
        percentile(r.aging.ms, 50).toFixed(0),
        r.aging.ms[r.aging.ms.length - 1].toFixed(0),
      ]),
      [false, true, true, true, true],
    ),
  );
  lines.push(...revaluationLines(results));
  lines.push(
    '',
    'accounting: a camt.053 statement imported (POST /bank-statements/import), again (every line a duplicate), and suggestions for all its lines (GET /bank-statements/{id}/suggestions)',
    table(
      ['db', 'lines', 'open items', 'import ms', 'again ms', 'suggestions p50 ms', 'max ms', 'best = meant'],
      results.map((r) => [
        r.db,
        r.bank.lines.toLocaleString('en-US'),
        r.bank.openItems.toLocaleString('en-US'),
        r.bank.importMs.toFixed(0),
        r.bank.duplicateImportMs.toFixed(0),
        percentile(r.bank.suggestionMs, 50).toFixed(0),
        r.bank.suggestionMs[r.bank.suggestionMs.length - 1].toFixed(0),
        String(r.bank.found),
      ]),
      [false, true, true, true, true, true, true, true],
    ),
  );
  const pgResult = results.find((r) => r.db === 'PostgreSQL');
  const goals = pgResult
    ? [
        `goal: aging of ${pgResult.aging.items.toLocaleString('en-US')} open items < ${accountingSettings.agingGoalMs} ms on PostgreSQL (slowest request): ${
          pgResult.aging.ms[pgResult.aging.ms.length - 1] < accountingSettings.agingGoalMs ? 'yes' : 'no'
        }`,
        `goal: invoices posted through Tandem in one request >= 0.50 of the hand-written transaction on PostgreSQL: ${
          pgResult.posting.tandemPerSecond / pgResult.posting.barePerSecond >= 0.5 ? 'yes' : 'no'
        }`,
        `goal: trial balance over ${pgResult.glRows.toLocaleString('en-US')} GL rows < ${accountingSettings.goalMs} ms on PostgreSQL (slowest request): ${
          Math.max(...pgResult.periods.map((p) => p.ms[p.ms.length - 1])) < accountingSettings.goalMs
            ? 'yes'
            : 'no'
        }`,
        statementGoal(pgResult, accountingSettings.goalMs),
      ]
    : [];
  return { lines, goals };
}
