import { Type } from 'typebox';
import type { Api } from '../../../platform/http/api.js';
import { recordActionRoute } from '../../../platform/http/record-routes.js';
import { Id, IdParams } from '../../../platform/http/schemas.js';
import { requirePermission } from '../../../platform/rbac/require-permission.js';
import { cancelRevaluation } from './actions/cancel-revaluation.js';
import { postRevaluation, RevaluationRequest } from './actions/post-revaluation.js';
import { previewRevaluation } from './revaluation.js';
import { revaluationsOf, revaluationView } from './revaluation-entries.js';
import { Revaluation, RevaluationPreview } from './revaluation-schemas.js';

/** Unrealised exchange revaluation of open foreign-currency items: preview, post, cancel, list. */
export function revaluationRoutes(api: Api) {
  const read = requirePermission('accounting:read');
  const tags = ['Receivables and payables'];

  api.get(
    '/accounting/revaluations',
    {
      preHandler: read,
      schema: {
        tags,
        summary: 'The company’s revaluations, newest date first, cancelled ones marked',
        querystring: Type.Object({ companyId: Id }, { additionalProperties: false }),
        response: { 200: Type.Object({ items: Type.Array(Revaluation) }) },
      },
    },
    (req) => req.read(async (tx) => ({ items: await revaluationsOf(tx, req.query.companyId) })),
  );
  api.get(
    '/accounting/revaluations/preview',
    {
      preHandler: read,
      schema: {
        tags,
        summary:
          'What revaluing the open foreign-currency items on a date would book: each item, totals per account and currency, the journal lines',
        querystring: RevaluationRequest,
        response: { 200: RevaluationPreview },
      },
    },
    (req) => req.read((tx) => previewRevaluation(tx, req.query)),
  );
  api.get(
    '/accounting/revaluations/:id',
    {
      preHandler: read,
      schema: { tags, summary: 'One revaluation', params: IdParams, response: { 200: Revaluation } },
    },
    (req) => req.read((tx) => revaluationView(tx, req.params.id)),
  );
  api.post(
    '/accounting/revaluations',
    {
      schema: {
        tags,
        summary:
          'Revalue the open foreign-currency items on a date: one entry on the date, reversed the next day; 409 when the date was revalued already',
        body: RevaluationRequest,
        response: { 201: Revaluation },
      },
    },
    async (req, reply) => reply.code(201).send(await req.run(postRevaluation, req.body)),
  );
  recordActionRoute(api, '/accounting/revaluations/:id/cancel', {
    tags,
    summary: 'Cancel a revaluation: its entry and the next day’s reversal are both reversed',
    response: Revaluation,
    action: cancelRevaluation,
  });
}
