import { and, eq, ne } from 'drizzle-orm';
import type { Tx } from '../../../platform/db/database.js';
import { conflict } from '../../../platform/http/problem.js';
import { type DateRange, formatRange, rangesOverlap } from '../rules/date-ranges.js';
import { clientCounterparties } from '../schema.js';

/**
 * One counterparty signs for one client over periods that never overlap, so "who signed for
 * this client on that day" has one answer. Call with the client row locked.
 */
export async function refuseOverlap(
  tx: Tx,
  pair: { clientId: string; counterpartyId: string; exceptLinkId?: string },
  range: DateRange,
  field: string,
) {
  const existing = await tx
    .select()
    .from(clientCounterparties)
    .where(
      and(
        eq(clientCounterparties.clientId, pair.clientId),
        eq(clientCounterparties.counterpartyId, pair.counterpartyId),
        pair.exceptLinkId ? ne(clientCounterparties.id, pair.exceptLinkId) : undefined,
      ),
    );
  const clash = existing.find((link) => rangesOverlap({ from: link.validFrom, to: link.validTo }, range));
  if (!clash) return;
  const theirs = formatRange({ from: clash.validFrom, to: clash.validTo });
  throw conflict(
    `This counterparty already signs for this client over ${theirs} (link ${clash.id}); ${formatRange(range)} overlaps it. End that link first or choose other dates.`,
    [{ field, reason: `overlaps the link valid ${theirs}` }],
  );
}

export async function loadLink(tx: Tx, id: string) {
  const [link] = await tx.select().from(clientCounterparties).where(eq(clientCounterparties.id, id));
  return link;
}
