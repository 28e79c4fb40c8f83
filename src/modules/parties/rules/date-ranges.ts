/** An inclusive range of days (YYYY-MM-DD); a null end is open. ISO dates compare as text. */
export interface DateRange {
  from: string | null;
  to: string | null;
}

const starts = (r: DateRange) => r.from ?? '0000-01-01';
const ends = (r: DateRange) => r.to ?? '9999-12-31';

/** True when the two ranges share at least one day. */
export function rangesOverlap(a: DateRange, b: DateRange): boolean {
  return starts(a) <= ends(b) && starts(b) <= ends(a);
}

/** Why a range is no range, or undefined when it is one. */
export function rangeProblem(r: DateRange): string | undefined {
  if (r.from && r.to && r.to < r.from) return `must not be before the start, ${r.from}`;
  return undefined;
}

/**
 * Groups ranges that overlap, directly or through others, and gives each group's span: when
 * two clients merge, their links to the same counterparty become one link per group.
 */
export function coalesceRanges<R extends DateRange>(ranges: R[]): { span: DateRange; members: R[] }[] {
  const sorted = [...ranges].sort((a, b) => starts(a).localeCompare(starts(b)));
  const groups: { span: DateRange; members: R[] }[] = [];
  for (const range of sorted) {
    const last = groups.at(-1);
    if (last && rangesOverlap(last.span, range)) {
      last.members.push(range);
      if (ends(range) > ends(last.span)) last.span = { from: last.span.from, to: range.to };
      continue;
    }
    groups.push({ span: { from: range.from, to: range.to }, members: [range] });
  }
  return groups;
}

export function formatRange(r: DateRange): string {
  return `${r.from ?? 'the beginning'} – ${r.to ?? 'open'}`;
}
