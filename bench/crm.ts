/**
 * The CRM suite of `npm run bench`: the client card's first timeline page and global search on a
 * tenant with 100,000 clients, 300,000 contacts and 2,000,000 interactions, on PostgreSQL and on
 * PGlite, through Tandem's HTTP API with a logged-in admin. See bench/README.md.
 */
import fs from 'node:fs';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { createApp } from '../src/app.js';
import { readConfig } from '../src/platform/config.js';
import type { Database } from '../src/platform/db/database.js';
import { openEmbedded } from '../src/platform/db/embedded.js';
import { migrate } from '../src/platform/db/migrate.js';
import { openServer } from '../src/platform/db/server.js';
import { createTenant } from '../src/platform/tenancy/create-tenant.js';
import {
  BackendCpu,
  backendsGone,
  cpuMicros,
  listen,
  load,
  logIn,
  PASSWORD,
  percentile,
  table,
  withDatabase,
} from './common.js';
import {
  type CrmCounts,
  type CrmSample,
  type CrmSizes,
  countCrm,
  crmDataSteps,
  dropCrmTemp,
  sampleCrm,
} from './crm-data.js';
import { measureSegments, type SegmentTiming, segmentLines } from './crm-segments.js';

const env = process.env;
const num = (name: string, fallback: number) => (env[name] ? Number(env[name]) : fallback);
const sizes: CrmSizes = {
  clients: num('BENCH_CRM_CLIENTS', 100_000),
  contacts: num('BENCH_CRM_CONTACTS', 300_000),
  interactions: num('BENCH_CRM_INTERACTIONS', 2_000_000),
  deals: num('BENCH_CRM_DEALS', 5_000),
};
const pgliteScale = num('BENCH_CRM_PGLITE_SCALE', 1);
export const crmSettings = {
  adminUrl: env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres',
  databaseName: 'tandem_bench_crm',
  sizes,
  pgliteSizes: {
    clients: Math.round(sizes.clients * pgliteScale),
    contacts: Math.round(sizes.contacts * pgliteScale),
    interactions: Math.round(sizes.interactions * pgliteScale),
    deals: Math.round(sizes.deals * pgliteScale),
  } satisfies CrmSizes,
  pgliteScale,
  /** 10 = Tandem's pool size: each request has a connection, none waits for one. */
  connections: num('BENCH_CRM_CONNECTIONS', 10),
  /**
   * PGlite runs one query at a time: with 10 connections a request would wait for 9 others and
   * its p99 would measure that queue. An embedded Tandem serves a few people; 2 is closer.
   */
  pgliteConnections: num('BENCH_CRM_PGLITE_CONNECTIONS', 2),
  duration: num('BENCH_CRM_DURATION', 10),
  warmup: num('BENCH_CRM_WARMUP', 2),
  /**
   * One 10 s turn per case by default: a slow search (seconds) must fit in a turn to be counted
   * at all, and the goals are absolute figures, not ratios between cases that background load
   * should hit alike.
   */
  rounds: num('BENCH_CRM_ROUNDS', 1),
  poolSize: num('BENCH_POOL_SIZE', 10),
  /** `1`: leave the PostgreSQL database `tandem_bench_crm` in place for experiments (not dropped). */
  keep: env.BENCH_CRM_KEEP === '1',
  /**
   * A file of SQL to run as the superuser after the data is in and before ANALYZE, on every
   * database of the suite: for trying an index or a setting by hand. The output names it.
   */
  experiment: env.BENCH_CRM_SQL || '',
  /** Time for the one-at-a-time probes of each case, seconds (each kind still gets 3). */
  probeSeconds: num('BENCH_CRM_PROBE_SECONDS', 15),
  /** `0`: no EXPLAIN ANALYZE of the slowest requests. */
  explain: env.BENCH_CRM_EXPLAIN !== '0',
  /** The goal on PostgreSQL, ms. */
  goalMs: 50,
  /** Recomputes of each dynamic segment (timed one at a time). */
  segmentRuns: num('BENCH_CRM_SEGMENT_RUNS', 5),
  /** The segment goal on PostgreSQL, ms. */
  segmentGoalMs: 2000,
};

type Db = 'PostgreSQL' | 'PGlite';

interface Measured {
  db: Db;
  key: 'card' | 'search';
  label: string;
  requests: number;
  seconds: number;
  latencies: number[];
  tagged: Record<string, number[]>;
  bad: number;
  nodeMicros: number;
  backendMicros?: number;
  /** Response times of requests sent one at a time before the load, by tag. */
  probes: Record<string, number[]>;
  statementsPerRequest?: number;
}

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  Alias?: string;
  'Actual Total Time': number;
  'Actual Rows': number;
  'Actual Loops': number;
  'Shared Hit Blocks'?: number;
  'Shared Read Blocks'?: number;
  'Rows Removed by Filter'?: number;
  'Rows Removed by Index Recheck'?: number;
  'Sort Method'?: string;
  Plans?: PlanNode[];
}

export interface PlanSummary {
  db: Db;
  what: string;
  executionMs: number;
  /** Plan nodes with the most time of their own, most first. */
  nodes: { text: string; ms: number }[];
}

export interface CrmStageResult {
  db: Db;
  sizes: CrmSizes;
  counts: CrmCounts;
  steps: { label: string; ms: number }[];
  generationMs: number;
  analyzeMs: number;
  sample: Pick<CrmSample, 'medianInteractions'> & { heaviestMin: number; heaviestMax: number };
  measured: Measured[];
  plans: PlanSummary[];
  segments: SegmentTiming[];
  maxLoad: number;
}

// ---------------------------------------------------------------------------------------------
// Requests: which clients, which search texts. A seeded generator: the same lists every run.

function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle<T>(items: T[], r: () => number): T[] {
  const a = [...items];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

interface Request {
  path: string;
  tag: string;
}

/** The 20 heaviest clients three times each, and 1,000 random ones, shuffled. */
function cardRequests(sample: CrmSample): Request[] {
  const path = (id: string) => `/api/v1/clients/${id}/timeline?limit=30`;
  const heavy = sample.heaviest.flatMap((c) => [c, c, c]).map((c) => ({ path: path(c.id), tag: 'heaviest' }));
  const typical = sample.random.map((c) => ({ path: path(c.id), tag: 'random' }));
  return shuffle([...heavy, ...typical], random(1));
}

/** Search texts that exist: half name fragments, a fifth phone fragments, the rest exact emails and tax ids. */
function searchRequests(sample: CrmSample): Request[] {
  const r = random(2);
  const any = <T>(list: T[]) => list[Math.floor(r() * list.length)];
  const out: { q: string; tag: string }[] = [];
  for (let i = 0; i < 500; i++) {
    const name = any(i % 2 ? sample.clientNames : sample.contactNames);
    const words = name.split(/\s+/).filter((w) => w.length >= 3);
    if (!words.length) continue;
    const w = any(words).toLowerCase();
    const len = 3 + Math.floor(r() * (Math.min(8, w.length) - 2));
    const start = Math.floor(r() * (w.length - len + 1));
    out.push({ q: w.slice(start, start + len), tag: 'name' });
  }
  for (let i = 0; i < 200; i++) {
    const national = any(i % 2 ? sample.clientPhones : sample.contactPhones).replace(/^\+359/, ''); // 881234567
    const form = i % 4;
    const q =
      form === 0
        ? `0${national}` // as dialled at home
        : form === 1
          ? `0${national.slice(0, 3)} ${national.slice(3, 6)} ${national.slice(6)}`
          : form === 2
            ? `+359${national}`
            : national.slice(-(5 + Math.floor(r() * 4))); // the last 5-8 digits
    out.push({ q, tag: 'phone' });
  }
  for (let i = 0; i < 150; i++)
    out.push({ q: any(i % 2 ? sample.clientEmails : sample.contactEmails), tag: 'email' });
  for (let i = 0; i < 150; i++) out.push({ q: any(sample.taxIds), tag: 'tax id' });
  return shuffle(out, r).map(({ q, tag }) => ({ path: `/api/v1/search?q=${encodeURIComponent(q)}`, tag }));
}

// ---------------------------------------------------------------------------------------------
// Measuring.

/** Counts the statements node-postgres sends while `work` runs. */
async function countStatements(work: () => Promise<void>): Promise<number> {
  let count = 0;
  const original = pg.Client.prototype.query;
  (pg.Client.prototype as any).query = function countedQuery(this: pg.Client, ...args: unknown[]) {
    count++;
    return (original as any).apply(this, args);
  };
  try {
    await work();
  } finally {
    pg.Client.prototype.query = original;
  }
  return count;
}

async function get(base: string, cookie: string, path: string) {
  const started = performance.now();
  // A request that hangs (a deadlock on PGlite's one connection) fails the bench instead of stalling it.
  const res = await fetch(`${base}${path}`, { headers: { cookie }, signal: AbortSignal.timeout(120_000) });
  const body = await res.text();
  const ms = performance.now() - started;
  if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${body}`);
  return { ms, body: JSON.parse(body) as { items: unknown[] } };
}

interface Statement {
  text: string;
  params: unknown[];
}

/**
 * The statements a request sends, as the driver gets them: node-postgres's Client.query on
 * PostgreSQL; on PGlite the instance's query and the transactions it opens.
 */
async function captureStatements(
  pglite: PGlite | undefined,
  work: () => Promise<void>,
): Promise<Statement[]> {
  const seen: Statement[] = [];
  const record = (q: unknown, params: unknown) => {
    const text = typeof q === 'string' ? q : (q as { text?: string })?.text;
    const values = Array.isArray(params) ? params : ((q as { values?: unknown[] })?.values ?? []);
    if (typeof text === 'string') seen.push({ text, params: values });
  };
  if (!pglite) {
    const original = pg.Client.prototype.query;
    (pg.Client.prototype as any).query = function capturedQuery(this: pg.Client, ...args: unknown[]) {
      record(args[0], args[1]);
      return (original as any).apply(this, args);
    };
    try {
      await work();
    } finally {
      pg.Client.prototype.query = original;
    }
    return seen;
  }
  const instance = pglite as any;
  const { query, transaction } = instance;
  const recording = (target: any) =>
    new Proxy(target, {
      get(t, key) {
        if (key === 'query')
          return (q: string, params?: unknown[], options?: unknown) => {
            record(q, params);
            return t.query(q, params, options);
          };
        const value = Reflect.get(t, key, t);
        return typeof value === 'function' ? value.bind(t) : value;
      },
    });
  instance.query = (q: string, params?: unknown[], options?: unknown) => {
    record(q, params);
    return query.call(pglite, q, params, options);
  };
  instance.transaction = (callback: (tx: unknown) => Promise<unknown>) =>
    transaction.call(pglite, (tx: unknown) => callback(recording(tx)));
  try {
    await work();
  } finally {
    delete instance.query;
    delete instance.transaction;
  }
  return seen;
}

type Plan = { Plan: PlanNode; 'Execution Time': number };

/**
 * EXPLAIN (ANALYZE, BUFFERS) of every select a request sent, replayed as that request ran it:
 * in a transaction as tandem_app with the tenant and user set, so row-level security applies.
 * Returns the plan of the slowest one.
 */
async function explainRequest(
  database: Database,
  scope: { tenantId: string; userId: string },
  statements: Statement[],
): Promise<Plan | undefined> {
  let slowest: Plan | undefined;
  await database.session(async (session) => {
    for (const st of statements) {
      if (!/^\s*select\b/i.test(st.text) || /set_config\(/.test(st.text)) continue;
      await session.exec('begin');
      try {
        await session.query(
          "select set_config('role', 'tandem_app', true), set_config('app.tenant', $1, true), set_config('app.user', $2, true)",
          [scope.tenantId, scope.userId],
        );
        const [row] = await session.query(`explain (analyze, buffers, format json) ${st.text}`, st.params);
        const cell = Object.values(row)[0];
        const plan = (typeof cell === 'string' ? JSON.parse(cell) : cell)[0] as Plan;
        if (!slowest || plan['Execution Time'] > slowest['Execution Time']) slowest = plan;
      } catch {
        // not the request's own (a background job's poll on the same pool): skip it
      } finally {
        await session.exec('rollback');
      }
    }
  });
  return slowest;
}

function summarise(db: Db, what: string, plan: { Plan: PlanNode; 'Execution Time': number }): PlanSummary {
  const nodes: { text: string; ms: number }[] = [];
  const walk = (n: PlanNode) => {
    const total = n['Actual Total Time'] * n['Actual Loops'];
    const children = (n.Plans ?? []).reduce((s, c) => s + c['Actual Total Time'] * c['Actual Loops'], 0);
    const on = n['Relation Name'] ? ` on ${n['Relation Name']}` : '';
    const using = n['Index Name'] ? ` using ${n['Index Name']}` : '';
    const removed = (n['Rows Removed by Filter'] ?? 0) + (n['Rows Removed by Index Recheck'] ?? 0);
    const blocks = (n['Shared Hit Blocks'] ?? 0) + (n['Shared Read Blocks'] ?? 0);
    nodes.push({
      text:
        `${n['Node Type']}${on}${using} (rows ${n['Actual Rows']}` +
        `${n['Actual Loops'] > 1 ? ` x${n['Actual Loops']} loops` : ''}` +
        `${removed ? `, removed ${removed}` : ''}${n['Sort Method'] ? `, ${n['Sort Method']}` : ''}` +
        `${blocks ? `, ${blocks} buffers` : ''})`,
      ms: Math.max(0, total - children),
    });
    for (const c of n.Plans ?? []) walk(c);
  };
  walk(plan.Plan);
  nodes.sort((a, b) => b.ms - a.ms);
  return { db, what, executionMs: plan['Execution Time'], nodes: nodes.slice(0, 4) };
}

// ---------------------------------------------------------------------------------------------
// One database.

function bucket<T>(lists: Record<string, T[]>, key: string): T[] {
  if (!lists[key]) lists[key] = [];
  return lists[key];
}

const log = (text: string) => process.stderr.write(`${text}\n`);
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function runStage(
  db: Db,
  database: Database,
  stageSizes: CrmSizes,
  options: { databaseUrl?: string; backends?: BackendCpu; pglite?: PGlite },
): Promise<CrmStageResult> {
  await migrate(database);
  const config = { ...readConfig({}), databaseUrl: options.databaseUrl };
  const { platform, server } = await createApp(config, database);
  try {
    const email = 'bench@crm.test';
    const tenant = await createTenant(platform, 'Bench CRM', {
      admin: { email, name: 'Bench Admin', password: PASSWORD },
      company: { name: 'Bench CRM Ltd', baseCurrency: 'EUR' },
    });

    // Data, in the database, as the superuser, on one connection.
    log(
      `  ${db}: generating ${stageSizes.clients} clients, ${stageSizes.contacts} contacts, ` +
        `${stageSizes.interactions} interactions, ${stageSizes.deals} deals...`,
    );
    const steps: { label: string; ms: number }[] = [];
    const started = performance.now();
    const { sample, counts } = await database.session(async (session) => {
      for (const step of crmDataSteps(stageSizes, tenant.tenantId, tenant.adminUserId)) {
        const t = performance.now();
        await session.exec(step.sql);
        steps.push({ label: step.label, ms: performance.now() - t });
        log(`    ${step.label}: ${seconds(performance.now() - t)}`);
      }
      const result = {
        sample: await sampleCrm(session, tenant.tenantId),
        counts: await countCrm(session, tenant.tenantId),
      };
      await dropCrmTemp(session);
      return result;
    });
    const generationMs = performance.now() - started;
    if (crmSettings.experiment) {
      log(`  ${db}: running ${crmSettings.experiment} (BENCH_CRM_SQL)`);
      await database.exec(fs.readFileSync(crmSettings.experiment, 'utf8'));
    }
    const a = performance.now();
    await database.exec('ANALYZE');
    const analyzeMs = performance.now() - a;
    log(`  ${db}: generated in ${seconds(generationMs)}, ANALYZE ${seconds(analyzeMs)}`);

    // Requests still running when a turn ends (a slow search outlives autocannon's clock) would
    // load the next turn; each turn waits for the server to drain first.
    // onSend, not onResponse: a request whose client has gone (autocannon stops on its clock)
    // never finishes its response, but its handler still runs to the end and sends.
    let inFlight = 0;
    const running = new WeakSet<object>();
    server.addHook('onRequest', async (request) => {
      running.add(request);
      inFlight++;
    });
    server.addHook('onSend', async (request) => {
      if (running.delete(request)) inFlight--;
    });
    const drained = async () => {
      for (let i = 0; i < 1200 && inFlight > 0; i++) await new Promise((resolve) => setTimeout(resolve, 50));
      if (inFlight > 0) log(`  ${db}: ${inFlight} requests still running after 60 s; going on`);
    };
    const base = await listen(server);
    const cookie = await logIn(base, email);

    const cases = [
      {
        key: 'card' as const,
        label: 'card: GET /clients/:id/timeline?limit=30',
        requests: cardRequests(sample),
      },
      { key: 'search' as const, label: 'search: GET /search?q=...', requests: searchRequests(sample) },
    ];

    // Probes: one request at a time, the kinds in turn (up to 40 per kind of card, 20 per kind of
    // search, at least 3 each, within BENCH_CRM_PROBE_SECONDS per case); they check the answers and
    // give the unloaded times.
    const probes = new Map<string, Record<string, number[]>>();
    const slowest = new Map<string, { ms: number; request: Request }>();
    const statements = new Map<string, number>();
    for (const c of cases) {
      const perTag = new Map<string, Request[]>();
      for (const r of c.requests) {
        const list = perTag.get(r.tag) ?? [];
        if (!list.some((x) => x.path === r.path)) list.push(r);
        perTag.set(r.tag, list);
      }
      const most = c.key === 'card' ? 40 : 20;
      const chosen: Request[] = [];
      for (let i = 0; i < most; i++) for (const list of perTag.values()) if (list[i]) chosen.push(list[i]);
      const times: Record<string, number[]> = {};
      let nonEmpty = 0;
      let sent = 0;
      const probeStarted = performance.now();
      const count = await countStatements(async () => {
        for (const request of chosen) {
          const enough =
            Object.values(times).length === perTag.size && Object.values(times).every((t) => t.length >= 3);
          if (enough && performance.now() - probeStarted > crmSettings.probeSeconds * 1000) break;
          const { ms, body } = await get(base, cookie, request.path);
          sent++;
          if (body.items.length) nonEmpty++;
          bucket(times, request.tag).push(ms);
          const key = `${c.key}:${request.tag}`;
          if (ms > (slowest.get(key)?.ms ?? -1)) slowest.set(key, { ms, request });
        }
      });
      if (nonEmpty < sent * 0.9)
        throw new Error(`${c.label}: only ${nonEmpty} of ${sent} probes found anything`);
      for (const t of Object.values(times)) t.sort((x, y) => x - y);
      probes.set(c.key, times);
      if (db === 'PostgreSQL') statements.set(c.key, count / sent);
    }

    // Load: warm-up, then the cases take turns as in the platform suite.
    const measured = new Map<string, Measured>();
    let maxLoad = 0;
    for (let round = 0; round < crmSettings.rounds; round++) {
      for (const c of cases) {
        const job = (duration: number) => ({
          url: base,
          method: 'GET' as const,
          path: c.requests[0].path,
          paths: c.requests.map((r) => r.path),
          tags: c.requests.map((r) => r.tag),
          headers: { cookie },
          connections: db === 'PGlite' ? crmSettings.pgliteConnections : crmSettings.connections,
          duration,
        });
        await drained();
        if (round === 0 && crmSettings.warmup > 0) {
          await load(job(crmSettings.warmup));
          await drained();
        }
        const before = options.backends ? await options.backends.sample() : undefined;
        maxLoad = Math.max(maxLoad, os.loadavg()[0]);
        const node0 = cpuMicros();
        const r = await load(job(crmSettings.duration / crmSettings.rounds));
        const node = cpuMicros() - node0;
        maxLoad = Math.max(maxLoad, os.loadavg()[0]);
        const backend =
          options.backends && before ? BackendCpu.used(before, await options.backends.sample()) : undefined;
        const m: Measured = measured.get(c.key) ?? {
          db,
          key: c.key,
          label: c.label,
          requests: 0,
          seconds: 0,
          latencies: [],
          tagged: {},
          bad: 0,
          nodeMicros: 0,
          backendMicros: options.backends ? 0 : undefined,
          probes: probes.get(c.key) ?? {},
          statementsPerRequest: statements.get(c.key),
        };
        m.requests += r.ok + r.non2xx;
        m.seconds += r.seconds;
        for (const l of r.latencies) m.latencies.push(l);
        for (const [tag, list] of Object.entries(r.tagged ?? {})) {
          const into = bucket(m.tagged, tag);
          for (const l of list) into.push(l);
        }
        m.bad += r.non2xx + r.errors;
        m.nodeMicros += node;
        if (backend !== undefined) m.backendMicros = (m.backendMicros ?? 0) + backend;
        measured.set(c.key, m);
        log(
          `  ${db} ${c.label} [round ${round + 1}/${crmSettings.rounds}]: ` +
            `${((r.ok + r.non2xx) / r.seconds).toFixed(0)} req/s, ${r.ok + r.non2xx} requests` +
            `${r.non2xx || r.errors ? ` (non-2xx ${r.non2xx}, errors ${r.errors})` : ''}`,
        );
      }
    }
    for (const m of measured.values()) {
      m.latencies.sort((x, y) => x - y);
      for (const list of Object.values(m.tagged)) list.sort((x, y) => x - y);
    }

    // What dominates: EXPLAIN ANALYZE of the slowest probe of each kind, after the load (warm cache).
    await drained();
    const plans: PlanSummary[] = [];
    if (crmSettings.explain) {
      const heaviest = sample.heaviest[0];
      const median =
        sample.random.find((c) => c.interactions === sample.medianInteractions) ?? sample.random[0];
      const explainPath = async (what: string, path: string) => {
        const statements = await captureStatements(options.pglite, async () => {
          await get(base, cookie, path);
        });
        const plan = await explainRequest(
          database,
          { tenantId: tenant.tenantId, userId: tenant.adminUserId },
          statements,
        );
        if (plan) plans.push(summarise(db, what, plan));
      };
      const card = (id: string) => `/api/v1/clients/${id}/timeline?limit=30`;
      await explainPath(
        `card, the heaviest client (${heaviest.interactions} interactions)`,
        card(heaviest.id),
      );
      await explainPath(`card, a median client (${median.interactions} interactions)`, card(median.id));
      for (const tag of ['name', 'phone', 'email', 'tax id']) {
        const worst = slowest.get(`search:${tag}`);
        if (!worst) continue;
        const q = new URL(worst.request.path, base).searchParams.get('q');
        await explainPath(`search, the slowest ${tag} probe "${q}"`, worst.request.path);
      }
    }

    log(`  ${db}: recomputing segments over ${stageSizes.clients} clients...`);
    const segments = await measureSegments(base, cookie, crmSettings.segmentRuns);

    return {
      db,
      sizes: stageSizes,
      counts,
      steps,
      generationMs,
      analyzeMs,
      sample: {
        medianInteractions: sample.medianInteractions,
        heaviestMax: sample.heaviest[0].interactions,
        heaviestMin: sample.heaviest.at(-1)!.interactions,
      },
      measured: [...measured.values()],
      plans,
      segments,
      maxLoad,
    };
  } finally {
    await server.close();
    await platform.stop();
  }
}

export async function crmPostgres(): Promise<CrmStageResult> {
  const admin = new pg.Client({ connectionString: crmSettings.adminUrl });
  await admin.connect();
  const name = crmSettings.databaseName;
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
    const url = withDatabase(crmSettings.adminUrl, name);
    const database = await openServer({ url, poolSize: crmSettings.poolSize });
    database.pool.on('error', (e) => {
      if (!(database.pool as any).ending) console.error(`[bench] CRM pool: ${e.message}`);
    });
    try {
      const local =
        ['127.0.0.1', 'localhost', '[::1]'].includes(new URL(url).hostname) && process.platform === 'linux';
      return await runStage('PostgreSQL', database, crmSettings.sizes, {
        databaseUrl: url,
        backends: local ? new BackendCpu(admin, name) : undefined,
      });
    } finally {
      await database.close();
      await backendsGone(admin, name);
    }
  } finally {
    if (!crmSettings.keep) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => {});
    else log(`  kept database ${name} (BENCH_CRM_KEEP=1)`);
    await admin.end();
  }
}

export async function crmPglite(): Promise<CrmStageResult> {
  const database = await openEmbedded({ dataDir: 'memory://' });
  try {
    return await runStage('PGlite', database, crmSettings.pgliteSizes, { pglite: database.pglite });
  } finally {
    await database.close();
  }
}

// ---------------------------------------------------------------------------------------------
// Output.

const ms = (v: number) => (Number.isNaN(v) ? '-' : v < 10 ? v.toFixed(1) : v.toFixed(0));
const thousands = (n: number) => n.toLocaleString('en-US');

export function crmReport(results: CrmStageResult[]): { lines: string[]; goals: string[] } {
  const out: string[] = [];
  if (!results.length) return { lines: out, goals: [] };
  out.push('');
  out.push(
    `CRM: client card and global search through Tandem's HTTP API (admin session), autocannon on 127.0.0.1, ` +
      `${crmSettings.connections} connections (PGlite ${crmSettings.pgliteConnections}), ${crmSettings.warmup} s warm-up + ${crmSettings.duration} s per case ` +
      `in ${crmSettings.rounds} turns; "unloaded" = requests sent one at a time before the load`,
  );
  if (crmSettings.experiment)
    out.push(`experiment: ${crmSettings.experiment} ran after the data was generated (BENCH_CRM_SQL)`);
  for (const r of results) {
    const c = r.counts;
    out.push(
      `${r.db}: ${thousands(c.clients)} clients, ${thousands(c.contacts)} contacts, ${thousands(c.interactions)} interactions ` +
        `(heaviest 20 clients ${thousands(r.sample.heaviestMin)}-${thousands(r.sample.heaviestMax)}, median ${r.sample.medianInteractions}), ` +
        `${thousands(c.counterparties)} counterparties, ${thousands(c.deals)} deals, ${thousands(c.deal_stage_history)} stage changes, ` +
        `${thousands(c.tasks)} tasks, ${thousands(c.leads)} leads; generated in ${seconds(r.generationMs)} ` +
        `(${r.steps
          .filter((s) => s.ms >= 500)
          .map((s) => `${s.label} ${seconds(s.ms)}`)
          .join(', ')}), ANALYZE ${seconds(r.analyzeMs)}`,
    );
    if (r.db === 'PGlite' && crmSettings.pgliteScale !== 1)
      out.push(
        `PGlite scaled down to ${crmSettings.pgliteScale} of the PostgreSQL sizes (BENCH_CRM_PGLITE_SCALE); ` +
          'its figures are for the smaller tenant',
      );
  }
  out.push('');
  const header = [
    'db',
    'request',
    'req/s',
    'p50 ms',
    'p99 ms',
    'unloaded p50',
    'unloaded p99',
    'node us/req',
    'pg us/req',
    'stmts/req',
    'non-2xx+err',
  ];
  const rows: string[][] = [];
  const tagLabels: Record<string, (r: CrmStageResult) => string> = {
    heaviest: (r) =>
      `  the 20 heaviest clients (${thousands(r.sample.heaviestMin)}-${thousands(r.sample.heaviestMax)} interactions)`,
    random: (r) => `  random clients (median ${r.sample.medianInteractions} interactions)`,
    name: () => '  name fragments, 3-8 letters',
    phone: () => '  phone fragments',
    email: () => '  exact emails',
    'tax id': () => '  exact tax ids',
  };
  for (const r of results)
    for (const m of r.measured) {
      const all = Object.values(m.probes)
        .flat()
        .sort((x, y) => x - y);
      rows.push([
        m.db,
        m.label,
        (m.requests / m.seconds).toFixed(0),
        ms(percentile(m.latencies, 50)),
        ms(percentile(m.latencies, 99)),
        ms(percentile(all, 50)),
        ms(percentile(all, 99)),
        (m.nodeMicros / Math.max(1, m.requests)).toFixed(0),
        m.backendMicros === undefined ? '-' : (m.backendMicros / Math.max(1, m.requests)).toFixed(0),
        m.statementsPerRequest === undefined ? '-' : m.statementsPerRequest.toFixed(1),
        String(m.bad),
      ]);
      for (const [tag, label] of Object.entries(tagLabels)) {
        const lat = m.tagged[tag];
        if (!lat) continue;
        const p = m.probes[tag] ?? [];
        rows.push([
          m.db,
          label(r),
          `${((100 * lat.length) / Math.max(1, m.requests)).toFixed(0)}%`,
          ms(percentile(lat, 50)),
          ms(percentile(lat, 99)),
          ms(percentile(p, 50)),
          ms(percentile(p, 99)),
          '',
          '',
          '',
          '',
        ]);
      }
    }
  out.push(
    table(
      header,
      rows,
      header.map((_, i) => i > 1),
    ),
  );
  out.push('(req/s of a kind = its share of the requests)');
  for (const r of results)
    for (const m of r.measured)
      if (m.requests < 300)
        out.push(
          `warning: ${r.db} ${m.key}: only ${m.requests} requests were answered in the measured time; ` +
            'its p99 is little more than its slowest request',
        );
  out.push('');
  for (const r of results) {
    const card = r.measured.find((m) => m.key === 'card');
    if (!card) continue;
    const ratio = (a?: number[], b?: number[]) =>
      a?.length && b?.length ? `${(percentile(a, 99) / percentile(b, 99)).toFixed(2)}x` : '-';
    out.push(
      `card at the heaviest clients vs random clients, p99: ${ratio(card.tagged.heaviest, card.tagged.random)} under load, ` +
        `${ratio(card.probes.heaviest, card.probes.random)} unloaded (${r.db})`,
    );
  }
  out.push(...segmentLines(results));
  const plans = results.flatMap((r) => r.plans);
  if (plans.length) {
    out.push('');
    out.push(
      'what dominates: EXPLAIN (ANALYZE) of the slowest statement each request sent, replayed as tandem_app with its tenant; plan nodes by their own time ' +
        '(summed over loops and parallel workers, so it can exceed the total):',
    );
    for (const p of plans) {
      out.push(`  ${p.db}, ${p.what}: ${p.executionMs.toFixed(1)} ms`);
      for (const n of p.nodes.filter((x) => x.ms >= 0.05))
        out.push(`    ${n.ms.toFixed(1).padStart(7)} ms  ${n.text}`);
    }
  }
  for (const r of results)
    if (r.maxLoad > os.cpus().length)
      out.push(
        `note: the machine was busy during the ${r.db} CRM cases (1-minute load average up to ${r.maxLoad.toFixed(1)}): ` +
          'other processes took CPU, so p99 is noisier',
      );
  const goals: string[] = [];
  const pgResult = results.find((r) => r.db === 'PostgreSQL');
  for (const key of ['card', 'search'] as const) {
    const m = pgResult?.measured.find((x) => x.key === key);
    if (m)
      goals.push(
        `goal: ${key} p99 < ${crmSettings.goalMs} ms on PostgreSQL: ${percentile(m.latencies, 99) < crmSettings.goalMs ? 'yes' : 'no'}`,
      );
  }
  const slowestSegment = pgResult?.segments.length
    ? Math.max(...pgResult.segments.map((x) => x.ms[x.ms.length - 1]))
    : undefined;
  if (slowestSegment !== undefined)
    goals.push(
      `goal: segment recompute of ${thousands(pgResult!.sizes.clients)} clients < ${crmSettings.segmentGoalMs} ms on PostgreSQL (slowest run): ${slowestSegment < crmSettings.segmentGoalMs ? 'yes' : 'no'}`,
    );
  return { lines: out, goals };
}
