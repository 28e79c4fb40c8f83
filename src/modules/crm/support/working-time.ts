import type { WeekHours } from '../schema.js';

export interface WorkCalendar {
  timeZone: string;
  week: WeekHours;
  /** YYYY-MM-DD days off. */
  holidays: string[];
}

const MINUTE = 60_000;

function localParts(instant: number, timeZone: string) {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    weekday: 'short',
  }).formatToParts(new Date(instant));
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  return {
    y: +get('year'),
    m: +get('month'),
    d: +get('day'),
    h: +get('hour'),
    mi: +get('minute'),
    s: +get('second'),
    weekday: get('weekday'),
  };
}

/** Minutes the zone is ahead of UTC at an instant (DST included). */
function offsetMinutes(instant: number, timeZone: string): number {
  const p = localParts(instant, timeZone);
  return (Date.UTC(p.y, p.m - 1, p.d, p.h, p.mi, p.s) - Math.floor(instant / 1000) * 1000) / MINUTE;
}

/** The instant a wall-clock time occurs in a zone on a day. */
export function zonedInstant(day: string, time: string, timeZone: string): number {
  const [y, m, d] = day.split('-').map(Number);
  const [h, mi] = time.split(':').map(Number);
  const guess = Date.UTC(y, m - 1, d, h, mi);
  const first = guess - offsetMinutes(guess, timeZone) * MINUTE;
  // Across a DST change the offset at the answer may differ from the guess's: use the answer's.
  return guess - offsetMinutes(first, timeZone) * MINUTE;
}

const WEEKDAYS: Record<string, string> = {
  Mon: '1',
  Tue: '2',
  Wed: '3',
  Thu: '4',
  Fri: '5',
  Sat: '6',
  Sun: '7',
};

function nextDay(day: string): string {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

const localDay = (instant: number, timeZone: string) => {
  const p = localParts(instant, timeZone);
  return `${p.y}-${String(p.m).padStart(2, '0')}-${String(p.d).padStart(2, '0')}`;
};

/** The working windows of a local day as instants: none on a holiday or a day off. */
function windowsOf(day: string, calendar: WorkCalendar): [number, number][] {
  if (calendar.holidays.includes(day)) return [];
  const weekday =
    WEEKDAYS[localParts(zonedInstant(day, '12:00', calendar.timeZone), calendar.timeZone).weekday];
  return (calendar.week[weekday] ?? []).map(([open, close]) => [
    zonedInstant(day, open, calendar.timeZone),
    zonedInstant(day, close, calendar.timeZone),
  ]);
}

/** Ten years of days: a calendar without working hours must fail, not loop. */
const MAX_DAYS = 3700;

/**
 * The instant `minutes` of working time after `start`: the clock runs only inside the
 * calendar's hours, in its own time zone, and stops on holidays. An SLA target of 8 working
 * hours set on Friday at 17:00 falls due on Monday afternoon, not on Saturday.
 */
export function addWorkingMinutes(start: Date, minutes: number, calendar: WorkCalendar): Date {
  let remaining = minutes;
  const from = start.getTime();
  let day = localDay(from, calendar.timeZone);
  for (let i = 0; i < MAX_DAYS; i++) {
    for (const [opens, closesAt] of windowsOf(day, calendar)) {
      const opensAt = Math.max(opens, from);
      if (opensAt >= closesAt) continue;
      const available = (closesAt - opensAt) / MINUTE;
      if (remaining <= available) return new Date(opensAt + remaining * MINUTE);
      remaining -= available;
    }
    day = nextDay(day);
  }
  throw new Error('The calendar has no working hours in ten years');
}

/** Working minutes between two instants (0 when the end is not after the start). */
export function workingMinutesBetween(start: Date, end: Date, calendar: WorkCalendar): number {
  const from = start.getTime();
  const to = end.getTime();
  let total = 0;
  let day = localDay(from, calendar.timeZone);
  const last = localDay(to, calendar.timeZone);
  for (let i = 0; i < MAX_DAYS && to > from && day <= last; i++) {
    for (const [opensAt, closesAt] of windowsOf(day, calendar)) {
      const overlap = Math.min(closesAt, to) - Math.max(opensAt, from);
      if (overlap > 0) total += overlap / MINUTE;
    }
    day = nextDay(day);
  }
  return total;
}
