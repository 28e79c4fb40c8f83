import { Decimal } from 'decimal.js';

/** The deals of one stage in one currency: how many, and their amounts added up (null when none has one). */
export interface StageCurrencySum {
  stageId: string;
  currency: string;
  dealCount: number;
  amount: string | null;
}

export interface TotalsInput {
  /** The pipeline's stages in board order; probability in percent. */
  stages: { id: string; probability: string }[];
  sums: StageCurrencySum[];
  /** How many units of the target currency one unit of each currency buys; a currency missing here has no rate. */
  rates: Record<string, string>;
  /** Decimal places of the target currency. */
  targetPrecision: number;
}

export interface StageTotal {
  stageId: string;
  dealCount: number;
  /** Deals counted in dealCount whose currency has no rate: they are left out of the totals. */
  unconvertedCount: number;
  total: string;
  /** The total times the stage's probability: what the stage is expected to bring. */
  weightedTotal: string;
}

export interface PipelineTotals {
  stages: StageTotal[];
  dealCount: number;
  total: string;
  weightedTotal: string;
  /** Currencies that had deals but no rate, in alphabetical order. */
  unconvertedCurrencies: string[];
}

// An amount of 15 integer digits times a rate of 10 places, times a probability: 60 digits never round.
const Exact = Decimal.clone({ precision: 60 });

/**
 * Pipeline totals in one currency. Each stage converts its sums exactly and rounds once, to the
 * target currency's places, ties to even; the weighted total rounds the exact total times the
 * probability the same way. The pipeline's totals add up the rounded stage totals, so the board
 * a person reads adds up.
 */
export function pipelineTotals(input: TotalsInput): PipelineTotals {
  const round = (value: Decimal) =>
    value.toDecimalPlaces(input.targetPrecision, Decimal.ROUND_HALF_EVEN).toFixed(input.targetPrecision);
  const unconverted = new Set<string>();
  const stages = input.stages.map((stage): StageTotal => {
    let exact = new Exact(0);
    let dealCount = 0;
    let unconvertedCount = 0;
    for (const sum of input.sums) {
      if (sum.stageId !== stage.id) continue;
      dealCount += sum.dealCount;
      const rate = input.rates[sum.currency];
      if (rate === undefined) {
        unconvertedCount += sum.dealCount;
        unconverted.add(sum.currency);
        continue;
      }
      exact = exact.plus(new Exact(sum.amount ?? 0).times(rate));
    }
    return {
      stageId: stage.id,
      dealCount,
      unconvertedCount,
      total: round(exact),
      weightedTotal: round(exact.times(stage.probability).div(100)),
    };
  });
  const add = (values: string[]) => values.reduce((sum, v) => sum.plus(v), new Exact(0));
  return {
    stages,
    dealCount: stages.reduce((n, s) => n + s.dealCount, 0),
    total: round(add(stages.map((s) => s.total))),
    weightedTotal: round(add(stages.map((s) => s.weightedTotal))),
    unconvertedCurrencies: [...unconverted].sort(),
  };
}
