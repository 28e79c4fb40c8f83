import { createHash } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Static, TSchema } from 'typebox';
import { uuidv7 as newEventId } from 'uuidv7';
import { auditLog } from '../audit/schema.js';
import type { AppDb, Tx } from '../db/database.js';
import { inTenant } from '../db/tenant-context.js';
import { idempotencyKeys, outbox } from '../events/schema.js';
import { toFieldErrors } from '../http/field-errors.js';
import { forbidden, invalid, Problem } from '../http/problem.js';
import { type Actor, can } from './actor.js';
import type { Action, ActionContext, AuditEntry } from './define-action.js';

export interface RunOptions {
  /** The Idempotency-Key of the request: a repeat with the same input gets the first result. */
  idempotencyKey?: string;
}

export interface RunResult<R> {
  result: R;
  /** True when the result is the stored answer to an earlier request with the same key. */
  replayed: boolean;
}

export interface PendingEvent {
  id: string;
  tenantId: string;
  type: string;
}

export type AfterCommit = (events: PendingEvent[]) => void;

function redact(input: unknown, secretFields: string[] = [], mask = '[secret]'): unknown {
  if (!secretFields.length || typeof input !== 'object' || input === null) return input;
  const copy: Record<string, unknown> = { ...(input as Record<string, unknown>) };
  for (const f of secretFields) if (f in copy) copy[f] = mask;
  return copy;
}

function checkInput<I extends TSchema>(
  action: Action<I, unknown>,
  input: unknown,
): asserts input is Static<I> {
  if (!action.check.Check(input)) throw invalid(toFieldErrors(action.check.Errors(input) as any, 'input'));
}

function checkPermission(action: Action<any, any>, actor: Actor) {
  if (action.permission && !can(actor, action.permission)) {
    throw forbidden(`You need the "${action.permission}" permission to ${action.name}.`);
  }
}

/** Hashes a request body so a key reused for a different request is caught, not silently replayed. */
export function requestHash(actionName: string, input: unknown): string {
  return createHash('sha256')
    .update(actionName)
    .update(JSON.stringify(input) ?? '')
    .digest('hex');
}

/**
 * Runs actions the one way business data changes: input checked, permission checked, one
 * transaction in the actor's tenant, audit rows and outbox events written in that same
 * transaction, subscribers told after commit.
 */
export class ActionRunner {
  constructor(
    private readonly db: AppDb,
    private readonly afterCommit: AfterCommit = () => {},
  ) {}

  async run<I extends TSchema, R>(
    action: Action<I, R>,
    actor: Actor,
    input: unknown,
    options: RunOptions = {},
  ): Promise<R> {
    return (await this.runWithReplay(action, actor, input, options)).result;
  }

  async runWithReplay<I extends TSchema, R>(
    action: Action<I, R>,
    actor: Actor,
    input: unknown,
    options: RunOptions = {},
  ): Promise<RunResult<R>> {
    checkInput(action, input);
    checkPermission(action, actor);
    const events: (typeof outbox.$inferInsert)[] = [];
    const outcome = await inTenant(
      this.db,
      { tenantId: actor.tenantId, userId: actor.userId },
      async (tx) => {
        if (options.idempotencyKey) {
          const earlier = await claimIdempotencyKey(tx, actor, action.name, options.idempotencyKey, input);
          if (earlier) return { result: earlier.response as R, replayed: true };
        }
        const audits: AuditEntry[] = [];
        const result = await this.execute(tx, action, actor, input as Static<I>, audits, events);
        if (audits.length === 0)
          audits.push({ entity: action.name.split('.')[0], after: redact(input, action.secretFields) });
        const auditRows = tx.insert(auditLog).values(
          audits.map((a) => ({
            tenantId: actor.tenantId,
            actorUserId: actor.userId,
            actorTokenId: actor.tokenId ?? null,
            action: action.name,
            entity: a.entity,
            entityId: a.entityId ?? null,
            before: a.before ?? null,
            after: a.after ?? null,
          })),
        );
        // Audit and events in one statement: every action that changes business data pays for it.
        if (events.length)
          await tx.execute(
            sql`with audit as (${auditRows.getSQL()}) ${tx.insert(outbox).values(events).getSQL()}`,
          );
        else await auditRows;
        if (options.idempotencyKey) {
          await tx
            .update(idempotencyKeys)
            .set({
              statusCode: 200,
              response: (redact(result, action.resultSecrets, '[shown once]') ?? null) as any,
            })
            .where(
              and(
                eq(idempotencyKeys.tenantId, actor.tenantId),
                eq(idempotencyKeys.key, options.idempotencyKey),
              ),
            );
        }
        return { result, replayed: false };
      },
    );
    if (events.length)
      this.afterCommit(events.map((e) => ({ id: e.id!, tenantId: e.tenantId, type: e.type })));
    return outcome;
  }

  private async execute<I extends TSchema, R>(
    tx: Tx,
    action: Action<I, R>,
    actor: Actor,
    input: Static<I>,
    audits: AuditEntry[],
    events: (typeof outbox.$inferInsert)[],
  ): Promise<R> {
    const ctx: ActionContext = {
      tx,
      actor,
      tenantId: actor.tenantId,
      emit: (type, payload) => {
        events.push({ id: newEventId(), tenantId: actor.tenantId, type, payload, actorUserId: actor.userId });
      },
      audit: (entry) => {
        audits.push(entry);
      },
      call: async (inner, innerInput) => {
        checkInput(inner, innerInput);
        checkPermission(inner, actor);
        return this.execute(tx, inner, actor, innerInput, audits, events);
      },
    };
    return action.run(ctx, input);
  }
}

/**
 * Takes the key for this request, or returns the stored answer of the earlier one. A
 * concurrent request with the same key waits on the row until the first one commits.
 */
async function claimIdempotencyKey(tx: Tx, actor: Actor, actionName: string, key: string, input: unknown) {
  if (key.length > 200)
    throw invalid([{ field: 'Idempotency-Key', reason: 'must be at most 200 characters' }]);
  const hash = requestHash(actionName, input);
  const claimed = await tx
    .insert(idempotencyKeys)
    .values({ tenantId: actor.tenantId, key, action: actionName, requestHash: hash, statusCode: 0 })
    .onConflictDoNothing()
    .returning({ key: idempotencyKeys.key });
  if (claimed.length) return undefined;
  const [earlier] = await tx
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.tenantId, actor.tenantId), eq(idempotencyKeys.key, key)));
  if (!earlier || earlier.requestHash !== hash) {
    throw new Problem(
      422,
      'Idempotency-Key reused',
      `The Idempotency-Key "${key}" was already used for a different request. Use a new key for a new request.`,
      [{ field: 'Idempotency-Key', reason: 'was already used for a different request' }],
    );
  }
  return earlier;
}
