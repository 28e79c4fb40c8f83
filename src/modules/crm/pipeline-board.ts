import { and, count, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/actions/actor.js';
import type { Tx } from '../../platform/db/database.js';
import { decimalText, findRateInForce, type RateInForce } from '../../platform/directories/index.js';
import { currencies } from '../../platform/directories/schema.js';
import { keysetPage } from '../../platform/http/pagination.js';
import { invalidField, notFound } from '../../platform/http/problem.js';
import { visibleThroughClient } from '../parties/visibility.js';
import { selectDeals, showDeal } from './deal-queries.js';
import { pipelineStages } from './pipeline-stages.js';
import { pipelineTotals } from './rules/pipeline-totals.js';
import type { StageOutcome } from './rules/stage-order.js';
import { deals, pipelines } from './schema.js';

/** Cards shown per column; the count and totals are over every deal in the stage. */
export const BOARD_DEALS_PER_STAGE = 50;
const UNCONVERTED_LISTED = 100;

export interface BoardRequest {
  pipelineId: string;
  /** The currency totals are shown in. */
  currency: string;
  /** The day whose rates convert the amounts (YYYY-MM-DD). */
  on: string;
  responsibleUserId?: string;
}

/**
 * The kanban board of a pipeline: its stages in order, each with its newest deals, how many
 * it holds, and their total and weighted total in one currency at the rates in force on a
 * day. Deals in a currency with no rate that day are counted, left out of the totals, and
 * listed so someone can record the rate.
 */
export async function pipelineBoard(tx: Tx, actor: Actor, request: BoardRequest) {
  const [pipeline] = await tx.select().from(pipelines).where(eq(pipelines.id, request.pipelineId));
  if (!pipeline) throw notFound('Pipeline', request.pipelineId);
  const [target] = await tx
    .select({ precision: currencies.precision })
    .from(currencies)
    .where(eq(currencies.code, request.currency));
  if (!target) throw invalidField('currency', `${request.currency} is not in the currency list`);

  const stages = await pipelineStages(tx, pipeline.id);
  const scope = [
    eq(deals.pipelineId, pipeline.id),
    request.responsibleUserId ? eq(deals.responsibleUserId, request.responsibleUserId) : undefined,
  ];
  const sums = await tx
    .select({
      stageId: deals.stageId,
      currency: deals.currency,
      dealCount: count(),
      amount: sql<string | null>`sum(${deals.amount})::text`,
    })
    .from(deals)
    .where(and(isNull(deals.archivedAt), visibleThroughClient(actor, deals.clientId), ...scope))
    .groupBy(deals.stageId, deals.currency);

  const rates: ({ currency: string } & RateInForce)[] = [];
  for (const currency of [...new Set(sums.map((s) => s.currency))].sort()) {
    const found = await findRateInForce(tx, currency, request.currency, request.on);
    if (found) rates.push({ currency, ...found });
  }
  const totals = pipelineTotals({
    stages,
    sums,
    rates: Object.fromEntries(rates.map((r) => [r.currency, r.rate])),
    targetPrecision: target.precision,
  });

  const columns = [];
  for (const [index, stage] of stages.entries()) {
    // The first page of the deal list for this stage, so its cursor goes on in GET /deals.
    const cards = await keysetPage(
      { limit: BOARD_DEALS_PER_STAGE },
      { createdAt: deals.createdAt },
      '-createdAt',
      deals.id,
      (where, orderBy, limit) =>
        selectDeals(tx, actor, [...scope, eq(deals.stageId, stage.id), where])
          .orderBy(...orderBy)
          .limit(limit),
    );
    const { stageId: _, ...stageTotals } = totals.stages[index];
    columns.push({
      id: stage.id,
      name: stage.name,
      position: stage.position,
      probability: decimalText(stage.probability),
      outcome: stage.outcome as StageOutcome,
      ...stageTotals,
      deals: cards.items.map(showDeal),
      nextCursor: cards.nextCursor,
    });
  }
  const unconverted = totals.unconvertedCurrencies.length
    ? await selectDeals(tx, actor, [...scope, inArray(deals.currency, totals.unconvertedCurrencies)])
        .orderBy(desc(deals.createdAt), desc(deals.id))
        .limit(UNCONVERTED_LISTED)
    : [];
  return {
    pipeline: { id: pipeline.id, name: pipeline.name },
    currency: request.currency,
    on: request.on,
    rates: rates.map((r) => ({ ...r, rate: decimalText(r.rate) })),
    dealCount: totals.dealCount,
    total: totals.total,
    weightedTotal: totals.weightedTotal,
    stages: columns,
    unconvertedCurrencies: totals.unconvertedCurrencies,
    unconverted: unconverted.map((d) => {
      const { id, title, stageId, currency, amount } = showDeal(d);
      return { id, title, stageId, currency, amount };
    }),
  };
}
