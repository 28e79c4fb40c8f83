/**
 * Whether a document's day falls in the picked range. The invoice and payment lists take no date
 * filter on the server yet, so the dates narrow the page shown (newest first).
 */
export function withinDates(day: string, from: string | null, to: string | null): boolean {
  if (from && day < from) return false;
  if (to && day > to) return false;
  return true;
}
