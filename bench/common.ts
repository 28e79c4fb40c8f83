/**
 * What the bench's suites share: the child-process load generator, CPU counters for this
 * process and for the PostgreSQL backends, listening and logging in, percentiles and tables.
 */
import { type ChildProcess, fork } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import type pg from 'pg';
import type { LoadJob, LoadResult } from './load.js';

const here = path.dirname(fileURLToPath(import.meta.url));
export const PASSWORD = 'correct horse battery staple';

// ---------------------------------------------------------------------------------------------
// Counters: CPU time of this process, and CPU time of the PostgreSQL backends serving the bench
// database (local server only).

export const cpuMicros = () => {
  const u = process.cpuUsage();
  return u.user + u.system;
};

/** CPU (utime + stime) of a local process, microseconds, or undefined once it is gone. */
export function processCpuMicros(pid: number): number | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1e6) / 100; // USER_HZ = 100 on Linux
  } catch {
    return undefined;
  }
}

/** Samples the CPU of every backend connected to the bench database (the pools of both servers). */
export class BackendCpu {
  constructor(
    private readonly admin: pg.Client,
    private readonly databaseName: string,
  ) {}

  async sample(): Promise<Map<number, number>> {
    const { rows } = await this.admin.query(
      "select pid from pg_stat_activity where datname = $1 and backend_type = 'client backend'",
      [this.databaseName],
    );
    const sample = new Map<number, number>();
    for (const { pid } of rows) {
      const cpu = processCpuMicros(pid);
      if (cpu !== undefined) sample.set(pid, cpu);
    }
    return sample;
  }

  /** CPU used between two samples; a backend that appeared in between counts from its start. */
  static used(before: Map<number, number>, after: Map<number, number>): number {
    let total = 0;
    for (const [pid, cpu] of after) total += cpu - (before.get(pid) ?? 0);
    return total;
  }
}

// ---------------------------------------------------------------------------------------------
// The load generator lives in a child process (bench/load.ts); one job at a time.

let loader: ChildProcess | undefined;
export function load(job: LoadJob): Promise<LoadResult> {
  loader ??= fork(path.join(here, 'load.ts'), [], { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
  const child = loader;
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null) => reject(new Error(`the load generator exited (${code})`));
    child.once('exit', onExit);
    child.once('message', (message: { result?: LoadResult; error?: string }) => {
      child.off('exit', onExit);
      if (message.error) reject(new Error(message.error));
      else resolve(message.result!);
    });
    child.send(job);
  });
}

/** Lets the load generator exit once the last job is done. */
export function stopLoader() {
  loader?.disconnect();
}

export function killLoader() {
  loader?.kill();
}

// ---------------------------------------------------------------------------------------------
// Servers, figures, output.

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export async function listen(server: FastifyInstance): Promise<string> {
  await server.listen({ host: '127.0.0.1', port: 0 });
  const address = server.server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return `http://127.0.0.1:${address.port}`;
}

export async function logIn(base: string, email: string): Promise<string> {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .find((c) => c.startsWith('tandem_session='));
  if (!cookie) throw new Error('login set no session cookie');
  return cookie;
}

export function withDatabase(url: string, name: string) {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export function table(header: string[], rows: string[][], right: boolean[]) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (right[i] ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export const mb = (kb: number) => `${(kb / 1024).toFixed(0)} MB`;

/**
 * pool.end() resolves before the backends have gone; a DROP DATABASE ... WITH (FORCE) right
 * after would terminate them under the pool's feet, and the pool reports each as a lost
 * connection. Waits (up to 5 s) until no backend is connected to the database.
 */
export async function backendsGone(admin: pg.Client, databaseName: string) {
  for (let i = 0; i < 50; i++) {
    const { rows } = await admin.query('select count(*)::int as n from pg_stat_activity where datname = $1', [
      databaseName,
    ]);
    if (!rows[0].n) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
