/**
 * The segment part of the CRM suite: how long recomputing a dynamic segment over the whole
 * generated tenant takes, through `POST /api/v1/segments/:id/recompute` (one transaction:
 * delete the members, select the clients the criteria match, insert them, count). Segments
 * recompute on demand and by schedule, one at a time, so each is timed alone, several times.
 */
import { performance } from 'node:perf_hooks';
import { percentile, table } from './common.js';

const SEGMENTS = [
  {
    label: 'clients with a phone (a column test)',
    criteria: { all: [{ field: 'phone', op: 'isNotEmpty' }] },
  },
  {
    label: 'companies active in the last 90 days (a subquery per client over interactions)',
    criteria: {
      all: [
        { field: 'kind', op: 'equals', value: 'organization' },
        { field: 'lastInteractionAt', op: 'withinDays', value: 90 },
      ],
    },
  },
  {
    label: 'clients with an open or a won deal (subqueries over deals)',
    criteria: {
      any: [
        { field: 'openDeals', op: 'gte', value: 1 },
        { field: 'wonDeals', op: 'gte', value: 1 },
      ],
    },
  },
];

export interface SegmentTiming {
  label: string;
  members: number;
  ms: number[];
}

async function send(base: string, cookie: string, path: string, body: unknown) {
  const res = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(300_000),
  });
  const text = await res.text();
  if (res.status >= 300) throw new Error(`POST ${path}: ${res.status} ${text}`);
  return JSON.parse(text) as { id: string; memberCount: number };
}

export async function measureSegments(base: string, cookie: string, runs: number): Promise<SegmentTiming[]> {
  const out: SegmentTiming[] = [];
  for (const [i, s] of SEGMENTS.entries()) {
    const segment = await send(base, cookie, '/api/v1/segments', {
      name: `Bench segment ${i + 1}`,
      kind: 'dynamic',
      criteria: s.criteria,
    });
    const timing: SegmentTiming = { label: s.label, members: 0, ms: [] };
    for (let run = 0; run < runs; run++) {
      const started = performance.now();
      const after = await send(base, cookie, `/api/v1/segments/${segment.id}/recompute`, {});
      timing.ms.push(performance.now() - started);
      timing.members = after.memberCount;
    }
    timing.ms.sort((a, b) => a - b);
    out.push(timing);
  }
  return out;
}

export function segmentLines(results: { db: string; segments: SegmentTiming[] }[]): string[] {
  const rows = results.flatMap((r) =>
    r.segments.map((s) => [
      r.db,
      s.label,
      s.members.toLocaleString('en-US'),
      String(s.ms.length),
      percentile(s.ms, 50).toFixed(0),
      s.ms[s.ms.length - 1].toFixed(0),
    ]),
  );
  if (!rows.length) return [];
  return [
    '',
    'segments: POST /segments/:id/recompute over the whole tenant, one at a time',
    table(['db', 'segment', 'members', 'runs', 'p50 ms', 'max ms'], rows, [
      false,
      false,
      true,
      true,
      true,
      true,
    ]),
  ];
}
