import { Decimal } from 'decimal.js';

/** 1 `fromUnit` = `factor` `toUnit`. */
export interface ConversionRow {
  fromUnit: string;
  toUnit: string;
  factor: string;
}

export interface QuantityToConvert {
  quantity: string;
  from: string;
  to: string;
  /** Decimal places quantities in the target unit are kept to. */
  toPrecision: number;
}

export type Converted = { ok: true; result: string } | { ok: false; error: string };

// Factors multiply and divide before the one rounding at the end; keep every digit until then.
const Exact = Decimal.clone({ precision: 60 });

/** How many `to` one `from` is, from a row either way round; undefined when no row links them. */
function oneStep(rows: ConversionRow[], from: string, to: string): Decimal | undefined {
  for (const row of rows) {
    if (row.fromUnit === from && row.toUnit === to) return new Exact(row.factor);
    if (row.fromUnit === to && row.toUnit === from) return new Exact(1).div(row.factor);
  }
  return undefined;
}

function factorBetween(rows: ConversionRow[], from: string, to: string): Decimal | undefined {
  if (from === to) return new Exact(1);
  const direct = oneStep(rows, from, to);
  if (direct) return direct;
  // Through one unit in between (t → kg → g): longer chains are a sign of a missing conversion.
  const between = new Set(rows.flatMap((r) => [r.fromUnit, r.toUnit]));
  for (const unit of between) {
    if (unit === from || unit === to) continue;
    const first = oneStep(rows, from, unit);
    const second = first && oneStep(rows, unit, to);
    if (first && second) return first.times(second);
  }
  return undefined;
}

/** A quantity in another unit, rounded half up to the places the target unit keeps. */
export function convertQuantity(rows: ConversionRow[], q: QuantityToConvert): Converted {
  const factor = factorBetween(rows, q.from, q.to);
  if (!factor) {
    return {
      ok: false,
      error: `There is no conversion from "${q.from}" to "${q.to}", directly or through one other unit. Add one under Units.`,
    };
  }
  const result = new Exact(q.quantity).times(factor).toDecimalPlaces(q.toPrecision, Decimal.ROUND_HALF_UP);
  return { ok: true, result: result.toFixed() };
}
