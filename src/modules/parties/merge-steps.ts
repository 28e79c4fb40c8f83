import type { Tx } from '../../platform/db/database.js';

/**
 * Modules after parties keep records that point at clients (deals, interactions, orders...).
 * When two clients merge, each such module moves its own rows in the same transaction: it
 * registers a step here when it is defined, so parties never needs to know their tables.
 */
export type ClientMergeStep = (
  tx: Tx,
  from: { clientId: string },
  into: { clientId: string },
) => Promise<number>;

const steps: { module: string; step: ClientMergeStep }[] = [];

export function registerClientMergeStep(module: string, step: ClientMergeStep) {
  if (!steps.some((s) => s.module === module)) steps.push({ module, step });
}

/** Runs every registered step; returns how many rows each module moved. */
export async function runClientMergeSteps(tx: Tx, fromClientId: string, intoClientId: string) {
  const moved: Record<string, number> = {};
  for (const { module, step } of steps)
    moved[module] = await step(tx, { clientId: fromClientId }, { clientId: intoClientId });
  return moved;
}
