/**
 * `npm run bench`: what Tandem's layers cost per request, as ratios to a bare Fastify route
 * running the same SQL in the same process, on PostgreSQL and on PGlite. See bench/README.md.
 */
import fs from 'node:fs';
import { Session } from 'node:inspector/promises';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { createApp } from '../src/app.js';
import type { Actor } from '../src/platform/actions/actor.js';
import { readConfig } from '../src/platform/config.js';
import type { Database } from '../src/platform/db/database.js';
import { openEmbedded } from '../src/platform/db/embedded.js';
import { migrate } from '../src/platform/db/migrate.js';
import { openServer } from '../src/platform/db/server.js';
import type { Platform } from '../src/platform/platform.js';
import { createTenant } from '../src/platform/tenancy/create-tenant.js';
import {
  type AccountingResult,
  accountingPglite,
  accountingPostgres,
  accountingReport,
} from './accounting.js';
import { type BareDriver, buildBareServer, pgDriver, pgliteDriver, SQL } from './bare.js';
import {
  BackendCpu,
  backendsGone,
  cpuMicros,
  killLoader,
  listen,
  load,
  logIn,
  mb,
  PASSWORD,
  percentile,
  stopLoader,
  table,
  withDatabase,
} from './common.js';
import { type CrmStageResult, crmPglite, crmPostgres, crmReport } from './crm.js';
import type { LoadJob } from './load.js';

const env = process.env;
const settings = {
  adminUrl: env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres',
  databaseName: 'tandem_bench',
  connections: Number(env.BENCH_CONNECTIONS || 50),
  duration: Number(env.BENCH_DURATION || 10),
  warmup: Number(env.BENCH_WARMUP || 2),
  poolSize: Number(env.BENCH_POOL_SIZE || 10),
  /** `pg`, `pglite` or both (default). */
  only: env.BENCH_ONLY || '',
  /** Each case's measured time is split into this many turns, alternating with the other cases. */
  rounds: Number(env.BENCH_ROUNDS || 3),
  /** Only these case keys (comma-separated), e.g. `action,action-bare` to profile one path. */
  cases: env.BENCH_CASES || '',
  /** A directory: write a V8 CPU profile of this process for each measured turn (bench/profile-summary.ts reads them). */
  profileDir: env.BENCH_CPU_PROFILE || '',
  /** The ladder that splits the action's cost into steps (adds ~50 s); BENCH_LADDER=0 skips it. */
  ladder: env.BENCH_LADDER !== '0',
  /**
   * Which suites run: `platform` (the layers, against bare routes), `crm` (client card, search
   * and segments at scale, bench/crm.ts) and `accounting` (trial balance over a large GL, bench/accounting.ts).
   */
  suites: (env.BENCH_SUITES || 'platform,crm,accounting').split(',').map((s) => s.trim()),
  /** Ladder rungs are only there to split the cost, so they get a shorter run. */
  ladderDuration: Number(env.BENCH_LADDER_DURATION || 5),
  ladderWarmup: Number(env.BENCH_LADDER_WARMUP || 1),
};

// ---------------------------------------------------------------------------------------------
// Statements sent by node-postgres (both pools); the CPU counters are in common.ts.

/** Counts the statements node-postgres sends while `work` runs (not during the load: no overhead there). */
async function countStatements(work: () => Promise<void>): Promise<{ count: number; texts: Set<string> }> {
  let count = 0;
  const texts = new Set<string>();
  const original = pg.Client.prototype.query;
  (pg.Client.prototype as any).query = function countedQuery(this: pg.Client, ...args: unknown[]) {
    count++;
    const q = args[0] as string | { text?: string };
    texts.add(typeof q === 'string' ? q : String(q?.text));
    return (original as any).apply(this, args);
  };
  try {
    await work();
  } finally {
    pg.Client.prototype.query = original;
  }
  return { count, texts };
}

/** What Tandem should send for a case, per bench/bare.ts; a difference means the baseline no longer mirrors it. */
const MIRRORED: Record<string, string[]> = {
  action: [
    'begin',
    SQL.tenantContext,
    SQL.currency,
    SQL.insertCompany,
    SQL.insertAudit,
    SQL.insertOutbox,
    'commit',
  ],
  read: ['begin', SQL.tenantContext, SQL.listCompanies, 'commit'],
};
/** The role and session lookups run when their 5 s caches expire, not per request. */
const OCCASIONAL = /^select "(memberships"\."active|sessions"\."id)"/;
const drift: string[] = [];

// ---------------------------------------------------------------------------------------------
// Cases, measured in rounds: each case gets its warm-up, then the cases of a database take turns
// (round 1: a, b, c, ...; round 2: a, b, c, ...) so a change in background load hits all alike.

interface Case {
  db: 'PostgreSQL' | 'PGlite';
  key: string;
  label: string;
  /** The key of the case this one is a ratio to. */
  baseline?: string;
  method: 'GET' | 'POST';
  url: string;
  path: string;
  headers: Record<string, string>;
  creates: boolean;
  /** Seconds of load (split into the turns) and of warm-up. */
  duration: number;
  warmup: number;
}

interface Measured extends Case {
  requests: number;
  seconds: number;
  latencies: number[];
  bad: number;
  statusCodes: Record<string, number>;
  nodeMicros: number;
  backendMicros?: number;
  /** Counted on requests sent one at a time before the load. */
  statementsPerRequest?: number;
}

const perSecond = (m: Measured) => m.requests / m.seconds;

let runId = 0;
/** The highest 1-minute load average seen at a measurement: above the core count, others competed for CPU. */
let maxLoad = 0;
async function runCases(
  cases: Case[],
  hooks: { backends?: BackendCpu; beforeRead?: () => Promise<void> },
): Promise<Measured[]> {
  const { backends, beforeRead } = hooks;
  const rounds = Math.max(1, settings.rounds);
  const measured = new Map<string, Measured>();
  const job = (c: Case, duration: number, tag: string): LoadJob => ({
    url: c.url,
    method: c.method,
    path: c.path,
    headers: c.headers,
    namePrefix: c.creates ? `${c.key}-${Date.now().toString(36)}-${runId++}-${tag}` : undefined,
    connections: settings.connections,
    duration,
  });
  for (let round = 0; round < rounds; round++) {
    for (const c of cases) {
      if (!c.creates) await beforeRead?.();
      if (round === 0 && c.warmup > 0) await load(job(c, c.warmup, 'w'));
      const before = backends ? await backends.sample() : undefined;
      const profiler = settings.profileDir ? new Session() : undefined;
      if (profiler) {
        profiler.connect();
        await profiler.post('Profiler.enable');
        await profiler.post('Profiler.start');
      }
      maxLoad = Math.max(maxLoad, os.loadavg()[0]);
      const node0 = cpuMicros();
      const r = await load(job(c, c.duration / rounds, 'm'));
      maxLoad = Math.max(maxLoad, os.loadavg()[0]);
      const node = cpuMicros() - node0;
      if (profiler) {
        const { profile } = await profiler.post('Profiler.stop');
        profiler.disconnect();
        fs.mkdirSync(settings.profileDir, { recursive: true });
        const file = path.join(settings.profileDir, `${c.db}-${c.key}-${round + 1}.cpuprofile`);
        fs.writeFileSync(file, JSON.stringify({ ...profile, benchRequests: r.ok + r.non2xx }));
      }
      const backend = backends && before ? BackendCpu.used(before, await backends.sample()) : undefined;
      const m = measured.get(c.key) ?? {
        ...c,
        requests: 0,
        seconds: 0,
        latencies: [],
        bad: 0,
        statusCodes: {},
        nodeMicros: 0,
        backendMicros: backends ? 0 : undefined,
      };
      m.requests += r.ok + r.non2xx;
      m.seconds += r.seconds;
      for (const l of r.latencies) m.latencies.push(l);
      m.bad += r.non2xx + r.errors;
      for (const [code, n] of Object.entries(r.statusCodes))
        m.statusCodes[code] = (m.statusCodes[code] ?? 0) + n;
      m.nodeMicros += node;
      if (backend !== undefined) m.backendMicros = (m.backendMicros ?? 0) + backend;
      measured.set(c.key, m);
      process.stderr.write(
        `  ${c.db} ${c.label.trim()} [round ${round + 1}/${rounds}]: ${((r.ok + r.non2xx) / r.seconds).toFixed(0)} req/s, ` +
          `${r.ok + r.non2xx} requests` +
          `${r.non2xx || r.errors ? ` (non-2xx ${r.non2xx}, errors ${r.errors})` : ''}\n`,
      );
    }
  }
  for (const m of measured.values()) m.latencies.sort((a, b) => a - b);
  return [...measured.values()];
}

// ---------------------------------------------------------------------------------------------
// Setting up Tandem and the bare server on one database.

interface Stage {
  db: Case['db'];
  database: Database;
  bareDriver: BareDriver;
  databaseUrl?: string;
  backends?: BackendCpu;
}

async function runStage(stage: Stage): Promise<Measured[]> {
  const config = { ...readConfig({}), databaseUrl: stage.databaseUrl };
  const { platform, server } = await createApp(config, stage.database);
  let bare: FastifyInstance | undefined;
  try {
    const email = 'bench@bench.test';
    const tenant = await createTenant(platform, 'Bench', {
      admin: { email, name: 'Bench Admin', password: PASSWORD },
      company: { name: 'Bench Ltd', baseCurrency: 'EUR' },
    });
    const tandemUrl = await listen(server);
    const cookie = await logIn(tandemUrl, email);
    const found = await platform.auth.bySession(cookie.slice('tandem_session='.length));
    if (!found) throw new Error('the session cookie does not authenticate');
    const actor: Actor = found.actor;
    bare = await buildBareServer({
      driver: stage.bareDriver,
      tenantId: tenant.tenantId,
      userId: actor.userId!,
      platform: platform as Platform,
      actor,
    });
    const bareUrl = await listen(bare);

    const headers = { cookie, 'content-type': 'application/json' };
    const make = (
      key: string,
      label: string,
      url: string,
      method: 'GET' | 'POST',
      p: string,
      baseline?: string,
    ): Case => {
      const rung = key.includes('-l');
      return {
        db: stage.db,
        key,
        label: rung ? `  ${label}` : label,
        baseline,
        method,
        url,
        path: p,
        headers,
        creates: method === 'POST',
        duration: rung ? settings.ladderDuration : settings.duration,
        warmup: rung ? settings.ladderWarmup : settings.warmup,
      };
    };
    const cases: Case[] = [
      make(
        'action',
        '(a) action: Tandem POST /api/v1/companies',
        tandemUrl,
        'POST',
        '/api/v1/companies',
        'action-bare',
      ),
      make('action-bare', '(b) action: bare route, same SQL', bareUrl, 'POST', '/bare/companies'),
      make(
        'action-l1',
        'ladder 1: bare + tenant context',
        bareUrl,
        'POST',
        '/bare/companies/tenant',
        'action-bare',
      ),
      make(
        'action-l2',
        'ladder 2: bare + tenant context + session',
        bareUrl,
        'POST',
        '/bare/companies/tenant-session',
        'action-bare',
      ),
      make(
        'action-l3',
        'ladder 3: ActionRunner + Drizzle, no HTTP layer',
        bareUrl,
        'POST',
        '/bare/companies/runner',
        'action-bare',
      ),
      // Reads after the writes of their turn, so both read cases see the same table.
      make(
        'read',
        '(c) read: Tandem GET /api/v1/companies?limit=20',
        tandemUrl,
        'GET',
        '/api/v1/companies?limit=20',
        'read-bare',
      ),
      make('read-bare', '(c) read: bare route, same select', bareUrl, 'GET', '/bare/companies?limit=20'),
      make(
        'read-l2',
        'ladder 2: bare + tenant context + session',
        bareUrl,
        'GET',
        '/bare/companies/tenant-session?limit=20',
        'read-bare',
      ),
    ].filter((c) => settings.ladder || !c.key.includes('-l'));
    const only = settings.cases ? settings.cases.split(',') : undefined;
    const chosen = only ? cases.filter((c) => only.includes(c.key)) : cases;
    // Each route must answer; one request at a time, the statements each sends are counted exactly.
    const statementsPerRequest = new Map<string, number>();
    for (const c of chosen) {
      const probes = 20;
      const { count, texts } = await countStatements(async () => {
        for (let i = 0; i < probes; i++) {
          const res = await fetch(`${c.url}${c.path}`, {
            method: c.method,
            headers: c.headers,
            body: c.creates
              ? JSON.stringify({ name: `probe-${c.key}-${i}`, baseCurrency: 'EUR' })
              : undefined,
          });
          if (res.status >= 300) throw new Error(`${c.label}: ${res.status} ${await res.text()}`);
          await res.arrayBuffer();
        }
      });
      statementsPerRequest.set(c.key, count / probes);
      const expected = stage.db === 'PostgreSQL' ? MIRRORED[c.key] : undefined;
      if (expected) {
        const extra = [...texts].filter((t) => !expected.includes(t) && !OCCASIONAL.test(t));
        const missing = expected.filter((t) => !texts.has(t));
        for (const t of extra) drift.push(`${c.key}: Tandem now also sends: ${t}`);
        for (const t of missing) drift.push(`${c.key}: Tandem no longer sends: ${t}`);
      }
    }
    // Fresh statistics before each read turn, as autovacuum would have them in production (PGlite
    // has no autovacuum at all); without them the planner sorts every company for each page.
    const measured = await runCases(chosen, {
      backends: stage.backends,
      beforeRead: () => stage.database.exec('ANALYZE companies'),
    });
    if (stage.db === 'PostgreSQL')
      for (const m of measured) m.statementsPerRequest = statementsPerRequest.get(m.key);
    return measured;
  } finally {
    await bare?.close();
    await server.close();
    await platform.stop();
  }
}

async function postgresStage(): Promise<Measured[]> {
  const admin = new pg.Client({ connectionString: settings.adminUrl });
  await admin.connect();
  const name = settings.databaseName;
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
    const url = withDatabase(settings.adminUrl, name);
    const database = await openServer({ url, poolSize: settings.poolSize });
    const barePool = new pg.Pool({ connectionString: url, max: settings.poolSize });
    // pool.end() resolves before the backends have gone; the DROP ... WITH (FORCE) below may then
    // terminate one, which an idle client reports as an error. Only errors before that matter.
    for (const [label, pool] of [
      ['Tandem', database.pool],
      ['bare', barePool],
    ] as const)
      pool.on('error', (e) => {
        if (!(pool as any).ending) console.error(`[bench] ${label} pool: ${e.message}`);
      });
    try {
      await migrate(database);
      const local =
        ['127.0.0.1', 'localhost', '[::1]'].includes(new URL(url).hostname) &&
        fs.existsSync('/proc/self/stat');
      return await runStage({
        db: 'PostgreSQL',
        database,
        bareDriver: pgDriver(barePool),
        databaseUrl: url,
        backends: local ? new BackendCpu(admin, name) : undefined,
      });
    } finally {
      await barePool.end();
      await database.close();
      await backendsGone(admin, name);
    }
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => {});
    await admin.end();
  }
}

async function pgliteStage(): Promise<Measured[]> {
  const database = await openEmbedded({ dataDir: 'memory://' });
  try {
    await migrate(database);
    return await runStage({ db: 'PGlite', database, bareDriver: pgliteDriver(database.pglite) });
  } finally {
    await database.close();
  }
}

// ---------------------------------------------------------------------------------------------
// Output.

async function main() {
  const started = Date.now();
  const pgVersion = await (async () => {
    if (settings.only === 'pglite') return '';
    const c = new pg.Client({ connectionString: settings.adminUrl });
    await c.connect();
    try {
      return String((await c.query('show server_version')).rows[0].server_version);
    } finally {
      await c.end();
    }
  })();
  process.stderr.write(
    `bench: ${settings.suites.join(', ')}; ${settings.warmup} s warm-up + ${settings.duration} s per case, ${settings.connections} connections\n`,
  );
  const all: Measured[] = [];
  const crm: CrmStageResult[] = [];
  const accounting: AccountingResult[] = [];
  const platformSuite = settings.suites.includes('platform');
  const crmSuite = settings.suites.includes('crm');
  const accountingSuite = settings.suites.includes('accounting');
  let rssAfterPostgres: number | undefined;
  if (settings.only !== 'pglite') {
    if (platformSuite) all.push(...(await postgresStage()));
    if (crmSuite) crm.push(await crmPostgres());
    if (accountingSuite) accounting.push(await accountingPostgres());
    rssAfterPostgres = process.resourceUsage().maxRSS;
  }
  if (settings.only !== 'pg') {
    if (platformSuite) all.push(...(await pgliteStage()));
    if (crmSuite) crm.push(await crmPglite());
    if (accountingSuite) accounting.push(await accountingPglite());
  }
  stopLoader();
  const maxRss = process.resourceUsage().maxRSS;

  const byKey = (db: string, key?: string) => all.find((m) => m.db === db && m.key === key);
  const micros = (m: Measured) => ({
    node: m.nodeMicros / Math.max(1, m.requests),
    pg: m.backendMicros === undefined ? undefined : m.backendMicros / Math.max(1, m.requests),
  });
  /** CPU per request, all of it: this process plus, on PostgreSQL, its backends. */
  const cpuOf = (m: Measured) => {
    const c = micros(m);
    return c.node + (c.pg ?? 0);
  };
  const row = (m: Measured) => {
    const base = byKey(m.db, m.baseline);
    const p99 = percentile(m.latencies, 99);
    const c = micros(m);
    return [
      m.db,
      m.label,
      perSecond(m).toFixed(0),
      p99.toFixed(1),
      base ? (perSecond(m) / perSecond(base)).toFixed(2) : 'baseline',
      base ? `${(p99 / percentile(base.latencies, 99)).toFixed(2)}x` : '',
      c.node.toFixed(0),
      c.pg === undefined ? '-' : c.pg.toFixed(0),
      base ? (cpuOf(base) / cpuOf(m)).toFixed(2) : 'baseline',
      m.statementsPerRequest === undefined ? '-' : m.statementsPerRequest.toFixed(1),
      String(m.bad),
    ];
  };
  const header = [
    'db',
    'case',
    'req/s',
    'p99 ms',
    'ratio',
    'p99 x',
    'node us/req',
    'pg us/req',
    'cpu ratio',
    'stmts/req',
    'non-2xx+err',
  ];
  const alignRight = header.map((_, i) => i > 1);
  const mainKeys = ['action', 'action-bare', 'read', 'read-bare'];
  const main = all.filter((m) => mainKeys.includes(m.key));
  const ladder = all.filter((m) => !mainKeys.includes(m.key));
  const cores = os.cpus().length;
  const out: string[] = [];
  if (platformSuite) platformOutput();
  const crmOut = crmReport(crm);
  out.push(...crmOut.lines);
  if (crm.length) out.push('');
  const accountingOut = accountingReport(accounting);
  out.push(...accountingOut.lines);
  if (accounting.length) out.push('');
  if (rssAfterPostgres !== undefined)
    out.push(`peak memory (maxRSS) after the PostgreSQL cases: ${mb(rssAfterPostgres)}`);
  out.push(
    `peak memory (maxRSS) at the end: ${mb(maxRss)}${settings.only !== 'pg' ? ' (includes PGlite)' : ''}`,
  );
  out.push(`total time: ${((Date.now() - started) / 1000).toFixed(0)} s`);
  const pgAction = byKey('PostgreSQL', 'action');
  const pgBare = byKey('PostgreSQL', 'action-bare');
  if (pgAction && pgBare) {
    const ratio = perSecond(pgAction) / perSecond(pgBare);
    out.push(`goal: action ratio on PostgreSQL >= 0.50: ${ratio >= 0.5 ? 'yes' : 'no'}`);
  }
  out.push(...crmOut.goals);
  out.push(...accountingOut.goals);
  console.log(out.join('\n'));

  function platformOutput() {
    out.push('');
    out.push(
      `Tandem bench: Node ${process.version}, ${cores} cores, ` +
        `${pgVersion ? `PostgreSQL ${pgVersion} at ${new URL(settings.adminUrl).host}, ` : ''}PGlite in memory; ` +
        `autocannon (child process) on 127.0.0.1, ${settings.connections} connections, ` +
        `${settings.warmup} s warm-up + ${settings.duration} s per case (ladder rungs ${settings.ladderWarmup} + ${settings.ladderDuration} s) ` +
        `split into ${settings.rounds} turns, cases alternating; companies ANALYZEd before each read turn`,
    );
    out.push(
      `pg pool size ${settings.poolSize} for Tandem and ${settings.poolSize} for the bare server (separate pools, one database); ` +
        'PGlite: one instance shared by both servers',
    );
    out.push(
      'ratio = req/s / req/s of the baseline; p99 x = p99 / p99 of the baseline; node, pg us/req = CPU per request of ' +
        'this process (on PGlite it includes the database) and of the PostgreSQL backends; ' +
        'cpu ratio = baseline CPU per request / this CPU per request (what req/s would show if CPU-bound on an idle machine)',
    );
    out.push('');
    out.push(table(header, main.map(row), alignRight));
    if (ladder.length) {
      out.push('');
      out.push(
        "where the action time goes (each rung adds one of Tandem's layers to the bare route; ratios to the bare route):",
      );
      out.push('');
      const withEnds = (db: string) => [
        ...all.filter((m) => m.db === db && (m.key === 'action-bare' || m.key.startsWith('action-l'))),
        ...all.filter((m) => m.db === db && m.key === 'action'),
        ...all.filter((m) => m.db === db && (m.key === 'read-bare' || m.key.startsWith('read-l'))),
        ...all.filter((m) => m.db === db && m.key === 'read'),
      ];
      out.push(table(header, [...withEnds('PostgreSQL'), ...withEnds('PGlite')].map(row), alignRight));
    }
    out.push('');
    if (drift.length)
      out.push(
        'warning: the bare routes no longer mirror what Tandem sends; update SQL in bench/bare.ts:',
        ...drift.map((d) => `  ${d}`),
      );
    if (maxLoad > cores)
      out.push(
        `note: the machine was busy (1-minute load average up to ${maxLoad.toFixed(1)} on ${cores} cores): ` +
          'other processes took CPU, so req/s and p99 are noisy; the cpu ratio is the steadier figure',
      );
  }
}

main().catch((error) => {
  console.error(error);
  killLoader();
  process.exitCode = 1;
});
