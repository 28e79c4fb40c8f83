import { eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { CurrencyCode } from '../../platform/directories/index.js';
import type { Api } from '../../platform/http/api.js';
import { textFilter, unlessArchived } from '../../platform/http/filters.js';
import { keysetPage, listQuery, pageOf, whereAll } from '../../platform/http/pagination.js';
import { notFound } from '../../platform/http/problem.js';
import { DateOnly, Id, IdParams, Name, Nullable, Search } from '../../platform/http/schemas.js';
import { requirePermission } from '../../platform/rbac/require-permission.js';
import { addStage } from './actions/add-stage.js';
import { archivePipeline } from './actions/archive-pipeline.js';
import { createLossReason } from './actions/create-loss-reason.js';
import { createPipeline } from './actions/create-pipeline.js';
import { renameLossReason } from './actions/rename-loss-reason.js';
import { reorderStages } from './actions/reorder-stages.js';
import { updatePipeline } from './actions/update-pipeline.js';
import { updateStage } from './actions/update-stage.js';
import { Deal } from './deal-schemas.js';
import { BOARD_DEALS_PER_STAGE, pipelineBoard } from './pipeline-board.js';
import {
  DealType,
  LossReason,
  Pipeline,
  Probability,
  Stage,
  StageFields,
  StageOutcome,
  StageRegulation,
  showStage,
} from './pipeline-schemas.js';
import { pipelineStages, stagesOfPipelines } from './pipeline-stages.js';
import { lossReasons, pipelines } from './schema.js';

const tags = ['Pipelines'];
const ArchivableFilters = {
  q: Type.Optional(Search),
  includeArchived: Type.Optional(Type.Boolean({ description: 'Show archived entries too' })),
};

const Board = Type.Object({
  pipeline: Type.Object({ id: Id, name: Type.String() }),
  currency: Type.String({ description: 'The currency every total is in' }),
  on: DateOnly,
  rates: Type.Array(
    Type.Object({
      currency: Type.String(),
      rate: Type.String({ description: 'Units of the board currency one unit of this currency buys' }),
      validOn: Nullable(DateOnly),
      inverted: Type.Boolean(),
    }),
    { description: 'The rates used, one per currency the deals are in' },
  ),
  dealCount: Type.Integer(),
  total: Type.String(),
  weightedTotal: Type.String(),
  stages: Type.Array(
    Type.Object({
      id: Id,
      name: Type.String(),
      position: Type.Integer(),
      probability: Type.String(),
      outcome: StageOutcome,
      dealCount: Type.Integer({ description: 'Every deal in the stage' }),
      unconvertedCount: Type.Integer({
        description: 'Deals left out of the totals: no rate for their currency',
      }),
      total: Type.String(),
      weightedTotal: Type.String({ description: 'The total times the stage probability' }),
      deals: Type.Array(Deal, { description: `The ${BOARD_DEALS_PER_STAGE} newest deals of the stage` }),
      nextCursor: Nullable(
        Type.String({
          description:
            'More deals than shown: pass as `cursor` to GET /deals?stageId=<this stage> (and the same ' +
            'responsibleUserId) for the next ones; null when the column shows them all',
        }),
      ),
    }),
  ),
  unconvertedCurrencies: Type.Array(Type.String()),
  unconverted: Type.Array(
    Type.Object({
      id: Id,
      title: Type.String(),
      stageId: Id,
      currency: Type.String(),
      amount: Nullable(Type.String()),
    }),
    { description: 'Deals in a currency with no rate on the day, left out of the totals (first 100)' },
  ),
});

export function pipelineRoutes(api: Api) {
  const read = requirePermission('crm:read');

  const pipelineWithStages = (req: FastifyRequest, id: string) =>
    req.read(async (tx) => {
      const [pipeline] = await tx.select().from(pipelines).where(eq(pipelines.id, id));
      if (!pipeline) throw notFound('Pipeline', id);
      return { ...pipeline, stages: (await pipelineStages(tx, id)).map(showStage) };
    });

  api.get(
    '/pipelines',
    {
      preHandler: read,
      schema: {
        tags,
        summary: 'List the pipelines with their stages',
        querystring: listQuery(['name', 'createdAt'], ArchivableFilters),
        response: { 200: pageOf(Pipeline) },
      },
    },
    (req) =>
      req.read(async (tx) => {
        const page = await keysetPage(
          req.query,
          { name: pipelines.name, createdAt: pipelines.createdAt },
          'name',
          pipelines.id,
          (where, orderBy, limit) =>
            tx
              .select()
              .from(pipelines)
              .where(
                whereAll([
                  where,
                  unlessArchived(req.query.includeArchived, pipelines.archivedAt),
                  textFilter(req.query.q, pipelines.name, pipelines.dealType),
                ]),
              )
              .orderBy(...orderBy)
              .limit(limit),
        );
        const stages = await stagesOfPipelines(
          tx,
          page.items.map((p) => p.id),
        );
        return {
          ...page,
          items: page.items.map((p) => ({ ...p, stages: (stages.get(p.id) ?? []).map(showStage) })),
        };
      }),
  );

  api.get(
    '/pipelines/:id',
    {
      preHandler: read,
      schema: {
        tags,
        summary: 'One pipeline with its stages in order',
        params: IdParams,
        response: { 200: Pipeline },
      },
    },
    (req) => pipelineWithStages(req, req.params.id),
  );

  api.post(
    '/pipelines',
    {
      schema: {
        tags,
        summary: 'Set up a pipeline with its stages',
        description:
          'Stages are given in board order. A pipeline has at least one open stage and at most one won ' +
          'and one lost stage. The first pipeline of a workspace becomes its default.',
        body: createPipeline.input,
        response: { 201: Pipeline },
      },
    },
    async (req, reply) => reply.code(201).send(await req.run(createPipeline, req.body)),
  );

  api.patch(
    '/pipelines/:id',
    {
      schema: {
        tags,
        summary: 'Rename a pipeline, change its deal type or make it the default',
        params: IdParams,
        body: Type.Object(
          {
            name: Type.Optional(Name),
            dealType: Type.Optional(DealType),
            isDefault: Type.Optional(Type.Boolean()),
          },
          { additionalProperties: false },
        ),
        response: { 200: Pipeline },
      },
    },
    async (req) => {
      await req.run(updatePipeline, { ...req.body, id: req.params.id });
      return pipelineWithStages(req, req.params.id);
    },
  );

  api.post(
    '/pipelines/:id/archive',
    {
      schema: {
        tags,
        summary: 'Archive a pipeline that has no open deals',
        params: IdParams,
        response: { 200: Pipeline },
      },
    },
    async (req) => {
      await req.run(archivePipeline, { id: req.params.id });
      return pipelineWithStages(req, req.params.id);
    },
  );

  api.post(
    '/pipelines/:id/stages',
    {
      schema: {
        tags,
        summary: 'Add a stage to a pipeline',
        description:
          'Without a position an open stage goes after the last open stage, a won or lost stage at the end.',
        params: IdParams,
        body: Type.Object(
          {
            ...StageFields,
            position: Type.Optional(
              Type.Integer({ minimum: 1, description: 'Place in the board order, from 1' }),
            ),
          },
          { additionalProperties: false },
        ),
        response: { 201: Stage },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await req.run(addStage, { ...req.body, pipelineId: req.params.id })),
  );

  api.post(
    '/pipelines/:id/stages/reorder',
    {
      schema: {
        tags,
        summary: "Put a pipeline's stages in a new order",
        params: IdParams,
        body: Type.Object(
          {
            stageIds: Type.Array(Id, {
              maxItems: 100,
              description: 'Every stage of the pipeline, first to last',
            }),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ items: Type.Array(Stage) }) },
      },
    },
    async (req) => ({
      items: await req.run(reorderStages, { pipelineId: req.params.id, stageIds: req.body.stageIds }),
    }),
  );

  api.patch(
    '/stages/:id',
    {
      schema: {
        tags,
        summary: 'Rename a stage, change its probability or set its regulation',
        description:
          'The regulation says what a deal needs before it may enter the stage; `{}` lifts every requirement. ' +
          'A documentType requirement cannot be met until a module links documents to deals.',
        params: IdParams,
        body: Type.Object(
          {
            name: Type.Optional(Name),
            probability: Type.Optional(Probability),
            regulation: Type.Optional(StageRegulation),
          },
          { additionalProperties: false },
        ),
        response: { 200: Stage },
      },
    },
    (req) => req.run(updateStage, { ...req.body, id: req.params.id }),
  );

  api.get(
    '/pipelines/:id/board',
    {
      preHandler: read,
      schema: {
        tags: ['Deals'],
        summary: 'The kanban board of a pipeline, with totals in one currency',
        description:
          `Stages in order, each with its ${BOARD_DEALS_PER_STAGE} newest deals, the count of all its deals, and ` +
          'their total and probability-weighted total converted to `currency` at the rates in force on `on` ' +
          '(today by default), rounded to the currency places with ties to even. Deals in a currency without ' +
          'a rate are counted but left out of the totals and listed in `unconverted`.',
        params: IdParams,
        querystring: Type.Object(
          {
            currency: CurrencyCode,
            on: Type.Optional(DateOnly),
            responsibleUserId: Type.Optional(Id),
          },
          { additionalProperties: false },
        ),
        response: { 200: Board },
      },
    },
    (req) =>
      req.read((tx) =>
        pipelineBoard(tx, req.actor, {
          pipelineId: req.params.id,
          currency: req.query.currency,
          on: req.query.on ?? new Date().toISOString().slice(0, 10),
          responsibleUserId: req.query.responsibleUserId,
        }),
      ),
  );

  api.get(
    '/loss-reasons',
    {
      preHandler: read,
      schema: {
        tags,
        summary: 'List the reasons deals are lost for',
        querystring: listQuery(['name', 'createdAt'], ArchivableFilters),
        response: { 200: pageOf(LossReason) },
      },
    },
    (req) =>
      req.read((tx) =>
        keysetPage(
          req.query,
          { name: lossReasons.name, createdAt: lossReasons.createdAt },
          'name',
          lossReasons.id,
          (where, orderBy, limit) =>
            tx
              .select()
              .from(lossReasons)
              .where(
                whereAll([
                  where,
                  unlessArchived(req.query.includeArchived, lossReasons.archivedAt),
                  textFilter(req.query.q, lossReasons.name),
                ]),
              )
              .orderBy(...orderBy)
              .limit(limit),
        ),
      ),
  );

  api.post(
    '/loss-reasons',
    {
      schema: {
        tags,
        summary: 'Add a reason deals are lost for',
        body: Type.Object({ name: Name }, { additionalProperties: false }),
        response: { 201: LossReason },
      },
    },
    async (req, reply) => reply.code(201).send(await req.run(createLossReason, req.body)),
  );

  api.patch(
    '/loss-reasons/:id',
    {
      schema: {
        tags,
        summary: 'Rename a loss reason; deals lost for it show the new name',
        params: IdParams,
        body: Type.Object({ name: Name }, { additionalProperties: false }),
        response: { 200: LossReason },
      },
    },
    (req) => req.run(renameLossReason, { id: req.params.id, name: req.body.name }),
  );
}
