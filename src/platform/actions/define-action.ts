import type { Static, TSchema } from 'typebox';
import { Compile, type Validator } from 'typebox/compile';
import type { Tx } from '../db/database.js';
import type { Actor } from './actor.js';

export interface AuditEntry {
  entity: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
}

export interface ActionContext {
  tx: Tx;
  actor: Actor;
  tenantId: string;
  /** Writes an outbox event in this transaction; subscribers receive it after commit. */
  emit(type: string, payload: Record<string, unknown>): void;
  /** Records what changed; the platform writes it to the audit log with the actor and action. */
  audit(entry: AuditEntry): void;
  /** Runs another action inside this one's transaction, with this actor and its permission check. */
  call<I extends TSchema, R>(action: Action<I, R>, input: Static<I>): Promise<R>;
}

export interface ActionDefinition<I extends TSchema, R> {
  /** `module.verbNoun`, as it appears in the audit log. */
  name: string;
  input: I;
  /** The permission string the actor needs; null for things any member may do to themselves. */
  permission: string | null;
  /** Input fields never written to the audit log (passwords, secrets). */
  secretFields?: string[];
  /** Result fields shown once (a new token): a replayed request gets them masked, and they are never stored. */
  resultSecrets?: string[];
  run(ctx: ActionContext, input: Static<I>): Promise<R>;
}

export interface Action<I extends TSchema = TSchema, R = unknown> extends ActionDefinition<I, R> {
  check: Validator<Record<string, never>, I>;
}

export function defineAction<I extends TSchema, R>(definition: ActionDefinition<I, R>): Action<I, R> {
  return { ...definition, check: Compile(definition.input) };
}
