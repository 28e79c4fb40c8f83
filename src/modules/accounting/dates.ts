/** Calendar days as YYYY-MM-DD, computed in UTC where every day has 24 hours. */
const parts = (date: string) => date.split('-').map(Number) as [number, number, number];
const format = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export const firstOfMonth = (date: string) => `${date.slice(0, 7)}-01`;

/** The first day of the month `months` after the month of `date`. */
export function addMonths(date: string, months: number) {
  const [y, m] = parts(date);
  return format(Date.UTC(y, m - 1 + months, 1));
}

export function addDays(date: string, days: number) {
  const [y, m, d] = parts(date);
  return format(Date.UTC(y, m - 1, d + days));
}

export const lastOfMonth = (date: string) => addDays(addMonths(date, 1), -1);
