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

/**
 * The instant `minutes` of working time after `start`: the clock runs only inside the
 * calendar's hours, in its own time zone, and stops on holidays. An SLA target of 8 working
 * hours set on Friday at 17:00 falls due on Monday afternoon, not on Saturday.
 */
export function addWorkingMinutes(start: Date, minutes: number, calendar: WorkCalendar): Date {
  let remaining = minutes;
  const from = start.getTime();
  const p = localParts(from, calendar.timeZone);
  let day = `${p.y}-${String(p.m).padStart(2, '0')}-${String(p.d).padStart(2, '0')}`;
  for (let i = 0; i < 3700; i++) {
    const weekday =
      WEEKDAYS[localParts(zonedInstant(day, '12:00', calendar.timeZone), calendar.timeZone).weekday];
    const windows = calendar.holidays.includes(day) ? [] : (calendar.week[weekday] ?? []);
    for (const [open, close] of windows) {
      const opensAt = Math.max(zonedInstant(day, open, calendar.timeZone), from);
      const closesAt = zonedInstant(day, close, calendar.timeZone);
      if (opensAt >= closesAt) continue;
      const available = (closesAt - opensAt) / MINUTE;
      if (remaining <= available) return new Date(opensAt + remaining * MINUTE);
      remaining -= available;
    }
    day = nextDay(day);
  }
  throw new Error('The calendar has no working hours in ten years');
}
