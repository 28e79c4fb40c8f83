import type { Static, TSchema } from 'typebox';
import type { Action } from '../actions/define-action.js';
import type { Api } from './api.js';
import { IdParams } from './schemas.js';

export interface SwitchRoutes<I extends TSchema, R extends TSchema> {
  /** The collection: `/sources` gives `/sources/:id/archive` and `/sources/:id/restore`. */
  path: string;
  tags: string[];
  response: R;
  /** Takes `{ id, <flag>: boolean }`: true for the first verb, false for the second. */
  action: Action<I, unknown>;
  /** What the routes say they do, for the OpenAPI document. */
  summaries: [on: string, off: string];
}

/**
 * The pair of POST routes that set a record's flag and clear it again, each calling one action:
 * archive and restore, block and unblock. One place, so every such pair answers alike.
 */
export function switchRoutes<I extends TSchema, R extends TSchema>(
  api: Api,
  verbs: [on: string, off: string],
  flag: string,
  options: SwitchRoutes<I, R>,
) {
  verbs.forEach((verb, i) => {
    api.post(
      `${options.path}/:id/${verb}`,
      {
        schema: {
          tags: options.tags,
          summary: options.summaries[i],
          params: IdParams,
          response: { 200: options.response },
        },
      },
      // The action's input is `{ id, [flag]: boolean }`; the pair is generic over which flag.
      (req) => req.run(options.action, { id: req.params.id, [flag]: i === 0 } as Static<I>) as never,
    );
  });
}

/** `POST <path>/:id/archive` and `POST <path>/:id/restore`, calling the action with `archived`. */
export function archiveRoutes<I extends TSchema, R extends TSchema>(
  api: Api,
  options: Omit<SwitchRoutes<I, R>, 'summaries'> & { what: string; summaries?: [string, string] },
) {
  const summaries = options.summaries ?? [`Archive ${options.what}`, `Restore ${options.what}`];
  switchRoutes(api, ['archive', 'restore'], 'archived', { ...options, summaries });
}
