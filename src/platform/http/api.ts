import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { Static, TSchema } from 'typebox';
import type { Actor } from '../actions/actor.js';
import type { Action } from '../actions/define-action.js';
import type { SessionInfo } from '../auth/sessions.js';
import type { Tx } from '../db/database.js';
import type { Platform } from '../platform.js';

/** The Fastify instance modules register their routes on. */
export type Api = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

declare module 'fastify' {
  interface FastifyInstance {
    platform: Platform;
  }
  interface FastifyRequest {
    /** Set for every route that is not public; a public route has none. */
    actor: Actor;
    session?: SessionInfo;
    /** Runs an action as the request's actor, honouring its Idempotency-Key. */
    run<I extends TSchema, R>(action: Action<I, R>, input: Static<I>): Promise<R>;
    /** Reads in the actor's tenant. */
    read<T>(work: (tx: Tx) => Promise<T>): Promise<T>;
  }
  interface FastifyContextConfig {
    /** Reachable without logging in (login, accepting an invitation, health). */
    public?: boolean;
  }
}
