import { Decimal } from 'decimal.js';
import { and, eq, isNull } from 'drizzle-orm';
import type { ActionContext } from '../../../platform/actions/define-action.js';
import type { Tx } from '../../../platform/db/database.js';
import { invalid, invalidField, notFound, Problem } from '../../../platform/http/problem.js';
import { clients } from '../../parties/schema.js';
import { visibleClients } from '../../parties/visibility.js';
import { loyaltyBalances, loyaltyCards, loyaltyLedger, loyaltyPrograms } from '../schema.js';

export interface MemberRef {
  clientId?: string;
  cardNumber?: string;
  phone?: string;
}

/** The program the URL names, locked for a change of its own. */
export async function lockProgram(tx: Tx, id: string) {
  const [program] = await tx.select().from(loyaltyPrograms).where(eq(loyaltyPrograms.id, id)).for('update');
  if (!program) throw notFound('Loyalty program', id);
  return program;
}

export async function loadProgram(tx: Tx, programId: string) {
  const [program] = await tx.select().from(loyaltyPrograms).where(eq(loyaltyPrograms.id, programId));
  if (!program) throw invalidField('programId', 'no such loyalty program');
  if (program.archivedAt) throw invalidField('programId', `"${program.name}" is archived`);
  return program;
}

/** The client behind a card number, a phone or an id, as the till or the API knows them. */
export async function findMember(ctx: ActionContext, programId: string, ref: MemberRef) {
  const given = [ref.clientId, ref.cardNumber, ref.phone].filter(Boolean).length;
  if (given !== 1)
    throw invalid([{ field: 'clientId', reason: 'give exactly one of clientId, cardNumber or phone' }]);
  if (ref.clientId) {
    const [client] = await ctx.tx
      .select({ id: clients.id })
      .from(clients)
      .where(and(eq(clients.id, ref.clientId), visibleClients(ctx.actor)));
    if (!client) throw invalidField('clientId', `client ${ref.clientId} does not exist`);
    return { clientId: client.id, cardId: null as string | null };
  }
  const [card] = await ctx.tx
    .select()
    .from(loyaltyCards)
    .where(
      and(
        eq(loyaltyCards.programId, programId),
        isNull(loyaltyCards.blockedAt),
        ref.cardNumber ? eq(loyaltyCards.cardNumber, ref.cardNumber) : eq(loyaltyCards.phone, ref.phone!),
      ),
    );
  if (!card)
    throw invalidField(ref.cardNumber ? 'cardNumber' : 'phone', 'no active card of this program has it');
  return { clientId: card.clientId, cardId: card.id };
}

/** The balance row, locked for the rest of the transaction so concurrent postings queue. */
async function lockBalance(tx: Tx, tenantId: string, programId: string, clientId: string) {
  await tx.insert(loyaltyBalances).values({ tenantId, programId, clientId }).onConflictDoNothing();
  const [balance] = await tx
    .select()
    .from(loyaltyBalances)
    .where(and(eq(loyaltyBalances.programId, programId), eq(loyaltyBalances.clientId, clientId)))
    .for('update');
  return balance;
}

export async function balanceOf(tx: Tx, tenantId: string, programId: string, clientId: string) {
  return (await lockBalance(tx, tenantId, programId, clientId)).points;
}

/** Writes one ledger entry and moves the balance with it; a debit above the balance is refused. */
export async function postPoints(
  ctx: ActionContext,
  entry: Omit<typeof loyaltyLedger.$inferInsert, 'tenantId' | 'id' | 'createdAt' | 'createdBy'>,
) {
  const balance = await lockBalance(ctx.tx, ctx.tenantId, entry.programId, entry.clientId);
  const after = new Decimal(balance.points).plus(entry.points);
  if (after.isNegative()) {
    const asked = new Decimal(entry.points).negated().toFixed(2);
    throw new Problem(
      409,
      'Not enough points',
      `The balance is ${new Decimal(balance.points).toFixed(2)} points; ${asked} were asked.`,
      [{ field: 'points', reason: `exceeds the balance of ${new Decimal(balance.points).toFixed(2)}` }],
    );
  }
  const [row] = await ctx.tx
    .insert(loyaltyLedger)
    .values({ ...entry, tenantId: ctx.tenantId, createdBy: ctx.actor.userId })
    .returning();
  await ctx.tx
    .update(loyaltyBalances)
    .set({ points: after.toFixed(6), updatedAt: new Date() })
    .where(and(eq(loyaltyBalances.programId, entry.programId), eq(loyaltyBalances.clientId, entry.clientId)));
  ctx.audit({
    entity: 'loyaltyLedger',
    entityId: row.id,
    before: { balance: balance.points },
    after: { ...row, balance: after.toFixed(6) },
  });
  return { entry: row, balance: after.toFixed(2) };
}
