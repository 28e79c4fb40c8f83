/**
 * The financial statements over the bench ledger: the profit and loss for periods of several
 * shapes and the balance sheet at several days, through the HTTP API, one request at a time
 * after one not counted. They read the same monthly and daily balances as the trial balance.
 */
import { performance } from 'node:perf_hooks';
import { percentile, table } from './common.js';

const STATEMENTS = [
  { label: 'P&L, a month', path: 'profit-and-loss', query: 'from=2026-10-01&to=2026-10-31' },
  { label: 'P&L, a year', path: 'profit-and-loss', query: 'from=2025-01-01&to=2025-12-31' },
  {
    label: 'P&L, a year against the year before',
    path: 'profit-and-loss',
    query: 'from=2026-01-01&to=2026-12-31&compareFrom=2025-01-01&compareTo=2025-12-31',
  },
  { label: 'P&L, mid-month to mid-month', path: 'profit-and-loss', query: 'from=2025-03-15&to=2026-02-14' },
  { label: 'balance sheet, a month end', path: 'balance-sheet', query: 'date=2026-09-30' },
  { label: 'balance sheet, mid-month', path: 'balance-sheet', query: 'date=2026-05-17' },
  {
    label: 'balance sheet against the year end before',
    path: 'balance-sheet',
    query: 'date=2026-06-30&compareDate=2025-12-31',
  },
];

export interface StatementTiming {
  label: string;
  ms: number[];
}

export async function measureStatements(base: string, cookie: string, companyId: string, runs: number) {
  const timings: StatementTiming[] = [];
  for (const s of STATEMENTS) {
    const ms: number[] = [];
    for (let run = -1; run < runs; run++) {
      const t = performance.now();
      const res = await fetch(`${base}/api/v1/accounting/${s.path}?companyId=${companyId}&${s.query}`, {
        headers: { cookie },
        signal: AbortSignal.timeout(120_000),
      });
      const body = await res.text();
      if (run >= 0) ms.push(performance.now() - t);
      if (res.status !== 200) throw new Error(`${s.label}: ${res.status} ${body.slice(0, 300)}`);
      const parsed = JSON.parse(body) as { difference?: string[] };
      if (parsed.difference?.some((d) => Number(d) !== 0))
        throw new Error(`${s.label} does not balance: ${parsed.difference.join(', ')}`);
    }
    ms.sort((a, b) => a - b);
    timings.push({ label: s.label, ms });
    process.stderr.write(`  ${s.label}: p50 ${percentile(ms, 50).toFixed(0)} ms\n`);
  }
  return timings;
}

const slowest = (t: StatementTiming) => t.ms[t.ms.length - 1];

export function statementLines(results: { db: string; glRows: number; statements: StatementTiming[] }[]) {
  return [
    '',
    'accounting: GET /accounting/profit-and-loss and /accounting/balance-sheet over the same ledger, one request at a time',
    table(
      ['db', 'GL rows', 'statement', 'p50 ms', 'max ms'],
      results.flatMap((r) =>
        r.statements.map((s) => [
          r.db,
          r.glRows.toLocaleString('en-US'),
          s.label,
          percentile(s.ms, 50).toFixed(0),
          slowest(s).toFixed(0),
        ]),
      ),
      [false, true, false, true, true],
    ),
  ];
}

export function statementGoal(result: { glRows: number; statements: StatementTiming[] }, goalMs: number) {
  const worst = Math.max(...result.statements.map(slowest));
  return `goal: profit and loss and balance sheet over ${result.glRows.toLocaleString('en-US')} GL rows < ${goalMs} ms on PostgreSQL (slowest request, ${worst.toFixed(0)} ms): ${worst < goalMs ? 'yes' : 'no'}`;
}
