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
  /** When set, the requests GET these paths in turn (over all connections) instead of `path`. */
  paths?: string[];
  /** With `paths`: a label for each path; the result then has the latencies of each label apart. */
  tags?: string[];
  connections: number;
  duration: number;
}

export interface LoadResult {
  /** Every response time, ms, so rounds can be merged into exact percentiles. */
  latencies: number[];
  /** With `tags`: the response times of each tag's requests. */
  tagged?: Record<string, number[]>;
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
  const paths = job.paths?.length ? job.paths : undefined;
  const tags = paths ? job.tags : undefined;
  const cpu0 = process.cpuUsage();
  const latencies: number[] = [];
  const tagged: Record<string, number[]> = {};
  // autocannon calls onResponse (with the connection's context) right before it emits 'response'
  // for the same request; with pipelining 1 a connection has one request in flight.
  let answered: string | undefined;
  const instance = autocannon({
    url: job.url,
    connections: job.connections,
    duration: job.duration,
    pipelining: 1,
    timeout: 30,
    requests: [
      {
        method: job.method,
        path: paths ? paths[0] : job.path,
        headers: job.headers,
        setupRequest: prefix
          ? (request) => ({
              ...request,
              body: JSON.stringify({ name: `${prefix}-${n++}`, baseCurrency: 'EUR' }),
            })
          : paths
            ? (request, context) => {
                const i = n++ % paths.length;
                context.tag = tags?.[i];
                return { ...request, path: paths[i] };
              }
            : (request) => request,
        onResponse: tags
          ? (_status, _body, context) => {
              answered = context.tag as string | undefined;
            }
          : undefined,
      },
    ],
  });
  instance.on('response', (_client: unknown, _status: number, _bytes: number, time: number) => {
    latencies.push(time);
    if (tags && answered !== undefined) {
      if (!tagged[answered]) tagged[answered] = [];
      tagged[answered].push(time);
      answered = undefined;
    }
  });
  const result = await instance;
  const cpu = process.cpuUsage(cpu0);
  const statusCodes: Record<string, number> = {};
  for (const [code, stat] of Object.entries(result.statusCodeStats ?? {}))
    statusCodes[code] = Number(stat.count);
  return {
    latencies,
    tagged: tags ? tagged : undefined,
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
