/**
 * The load generator, run as a child process so autocannon does not share the event loop
 * (or the CPU accounting) of the servers it measures. The parent sends one job at a time
 * over IPC and gets back the figures it prints.
 */
import autocannon from 'autocannon';

export interface LoadJob {
  url: string;
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  /** When set, each request POSTs a new company named `${namePrefix}-${n}` (names are unique per tenant). */
  namePrefix?: string;
  connections: number;
  duration: number;
}

export interface LoadResult {
  /** Every response time, ms, so rounds can be merged into exact percentiles. */
  latencies: number[];
  ok: number;
  non2xx: number;
  errors: number;
  statusCodes: Record<string, number>;
  /** CPU time this process (autocannon) used, microseconds. */
  loaderCpuMicros: number;
  /** How long the run took, seconds. */
  seconds: number;
}

async function run(job: LoadJob): Promise<LoadResult> {
  let n = 0;
  const prefix = job.namePrefix;
  const cpu0 = process.cpuUsage();
  const latencies: number[] = [];
  const instance = autocannon({
    url: job.url,
    connections: job.connections,
    duration: job.duration,
    pipelining: 1,
    timeout: 30,
    requests: [
      {
        method: job.method,
        path: job.path,
        headers: job.headers,
        setupRequest: prefix
          ? (request) => ({
              ...request,
              body: JSON.stringify({ name: `${prefix}-${n++}`, baseCurrency: 'EUR' }),
            })
          : (request) => request,
      },
    ],
  });
  instance.on('response', (_client: unknown, _status: number, _bytes: number, time: number) => {
    latencies.push(time);
  });
  const result = await instance;
  const cpu = process.cpuUsage(cpu0);
  const statusCodes: Record<string, number> = {};
  for (const [code, stat] of Object.entries(result.statusCodeStats ?? {}))
    statusCodes[code] = Number(stat.count);
  return {
    latencies,
    ok: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors,
    statusCodes,
    loaderCpuMicros: cpu.user + cpu.system,
    seconds: result.duration,
  };
}

process.on('message', (job: LoadJob) => {
  run(job).then(
    (result) => process.send!({ result }),
    (error) => process.send!({ error: String(error?.stack ?? error) }),
  );
});
process.on('disconnect', () => process.exit(0));
