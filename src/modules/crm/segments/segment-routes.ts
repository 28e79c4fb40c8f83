import { and, eq, sql } from 'drizzle-orm';
import { Type } from 'typebox';
import { sqlRows } from '../../../platform/db/database.js';
import type { Api } from '../../../platform/http/api.js';
import { archiveRoutes } from '../../../platform/http/archive-routes.js';
import { textFilter, unlessArchived } from '../../../platform/http/filters.js';
import { keysetPage, listQuery, pageOf, whereAll } from '../../../platform/http/pagination.js';
import { notFound } from '../../../platform/http/problem.js';
import { Id, IdParams, Nullable, Search } from '../../../platform/http/schemas.js';
import { requirePermission } from '../../../platform/rbac/require-permission.js';
import { clients } from '../../parties/schema.js';
import { visibleClients } from '../../parties/visibility.js';
import { segmentMembers, segments } from '../schema.js';
import { changeStaticMembers } from './actions/change-static-members.js';
import { createSegment } from './actions/create-segment.js';
import { recomputeSegment } from './actions/recompute-segment.js';
import { setSegmentArchived } from './actions/set-segment-archived.js';
import { updateSegment } from './actions/update-segment.js';
import { OPS, SEGMENT_FIELDS } from './segment-fields.js';
import { Criteria, Refresh, Segment, SegmentFields } from './segment-schemas.js';

const tags = ['Segments'];
const Member = Type.Object({
  id: Id,
  name: Type.String(),
  email: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  responsibleUserId: Id,
});
const csvCell = (v: unknown) => {
  const text = v == null ? '' : String(v);
  return /[",\n;]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

export function segmentRoutes(api: Api) {
  const read = requirePermission('crm:read');

  api.get(
    '/segments/fields',
    {
      preHandler: read,
      schema: { tags, summary: 'What segment criteria can test, with the operators of each' },
    },
    async () => ({
      fields: Object.entries(SEGMENT_FIELDS).map(([key, f]) => ({
        key,
        label: f.label,
        type: f.type,
        ops: OPS[f.type],
      })),
      custom: { key: 'custom.<fieldKey>', ops: OPS.custom },
    }),
  );

  api.get(
    '/segments',
    {
      preHandler: read,
      schema: {
        tags,
        summary: 'Segments',
        querystring: listQuery(['name'], {
          q: Type.Optional(Search),
          includeArchived: Type.Optional(Type.Boolean()),
        }),
        response: { 200: pageOf(Segment) },
      },
    },
    (req) =>
      req.read((tx) =>
        keysetPage(req.query, { name: segments.name }, 'name', segments.id, (where, orderBy, limit) =>
          tx
            .select()
            .from(segments)
            .where(
              whereAll([
                where,
                unlessArchived(req.query.includeArchived, segments.archivedAt),
                textFilter(req.query.q, segments.name),
              ]),
            )
            .orderBy(...orderBy)
            .limit(limit),
        ),
      ),
  );

  api.get(
    '/segments/:id',
    {
      preHandler: read,
      schema: { tags, summary: 'One segment', params: IdParams, response: { 200: Segment } },
    },
    async (req) => {
      const [segment] = await req.read((tx) =>
        tx.select().from(segments).where(eq(segments.id, req.params.id)),
      );
      if (!segment) throw notFound('Segment', req.params.id);
      return segment;
    },
  );

  api.post(
    '/segments',
    {
      schema: {
        tags,
        summary: 'Make a segment; a dynamic one is computed at once',
        body: Type.Object(SegmentFields, { additionalProperties: false }),
        response: { 201: Segment },
      },
    },
    async (req, reply) => reply.code(201).send(await req.run(createSegment, req.body)),
  );

  api.patch(
    '/segments/:id',
    {
      schema: {
        tags,
        summary: 'Rename a segment or change its criteria',
        params: IdParams,
        body: Type.Object(
          {
            name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
            criteria: Type.Optional(Nullable(Criteria)),
            refresh: Type.Optional(Refresh),
          },
          { additionalProperties: false },
        ),
        response: { 200: Segment },
      },
    },
    (req) => req.run(updateSegment, { ...req.body, id: req.params.id }),
  );

  archiveRoutes(api, {
    path: '/segments',
    what: 'a segment',
    tags,
    response: Segment,
    action: setSegmentArchived,
  });

  api.post(
    '/segments/:id/recompute',
    {
      schema: {
        tags,
        summary: 'Recompute a dynamic segment now',
        params: IdParams,
        response: { 200: Segment },
      },
    },
    (req) => req.run(recomputeSegment, { id: req.params.id }),
  );

  api.post(
    '/segments/:id/members',
    {
      schema: {
        tags,
        summary: 'Add clients to or remove them from a static list',
        params: IdParams,
        body: Type.Object(
          {
            add: Type.Optional(Type.Array(Id, { maxItems: 1000 })),
            remove: Type.Optional(Type.Array(Id, { maxItems: 1000 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Segment },
      },
    },
    (req) => req.run(changeStaticMembers, { ...req.body, id: req.params.id }),
  );

  const memberQuery = listQuery(['name'], { q: Type.Optional(Search) });
  api.get(
    '/segments/:id/members',
    {
      preHandler: read,
      schema: {
        tags,
        summary: 'The clients in a segment (that you may see)',
        params: IdParams,
        querystring: memberQuery,
        response: { 200: pageOf(Member) },
      },
    },
    (req) =>
      req.read((tx) =>
        keysetPage(req.query, { name: clients.name }, 'name', clients.id, (where, orderBy, limit) =>
          tx
            .select({
              id: clients.id,
              name: clients.name,
              email: clients.email,
              phone: clients.phone,
              responsibleUserId: clients.responsibleUserId,
            })
            .from(segmentMembers)
            .innerJoin(clients, eq(clients.id, segmentMembers.clientId))
            .where(
              whereAll([
                where,
                eq(segmentMembers.segmentId, req.params.id),
                visibleClients(req.actor),
                textFilter(req.query.q, clients.name),
              ]),
            )
            .orderBy(...orderBy)
            .limit(limit),
        ),
      ),
  );

  api.get(
    '/segments/:id/members.csv',
    {
      preHandler: read,
      schema: {
        tags,
        summary: 'Export the members of a segment as CSV',
        params: IdParams,
        produces: ['text/csv'],
      },
    },
    async (req, reply) => {
      const rows = await req.read((tx) =>
        tx
          .select({
            name: clients.name,
            kind: clients.kind,
            email: clients.email,
            phone: clients.phone,
            tags: clients.tags,
          })
          .from(segmentMembers)
          .innerJoin(clients, eq(clients.id, segmentMembers.clientId))
          .where(and(eq(segmentMembers.segmentId, req.params.id), visibleClients(req.actor)))
          .orderBy(clients.name),
      );
      const lines = [
        'name,kind,email,phone,tags',
        ...rows.map((r) => [r.name, r.kind, r.email, r.phone, r.tags.join(' ')].map(csvCell).join(',')),
      ];
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="segment.csv"')
        .send(`${lines.join('\n')}\n`);
    },
  );

  api.get(
    '/segments/analysis',
    {
      preHandler: read,
      schema: {
        tags,
        summary: 'Segments side by side: clients, open deals, won deals and won amounts per currency',
        querystring: Type.Object(
          {
            ids: Type.String({
              maxLength: 3700,
              pattern: '^[0-9a-f-]{36}(,[0-9a-f-]{36}){0,99}$',
              description: 'Comma-separated segment ids',
            }),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (req) => {
      const ids = req.query.ids.split(',').filter(Boolean);
      const rows = await req.read((tx) =>
        sqlRows<Record<string, any>>(
          tx,
          sql`select s.id, s.name, count(distinct m.client_id)::int as clients,
                (select count(*)::int from deals d join segment_members x on x.client_id = d.client_id where x.segment_id = s.id and d.status = 'open') as open_deals,
                (select count(*)::int from deals d join segment_members x on x.client_id = d.client_id where x.segment_id = s.id and d.status = 'won') as won_deals,
                (select coalesce(json_agg(json_build_object('currency', w.currency, 'amount', w.amount::text) order by w.currency), '[]')
                   from (select d.currency, sum(d.amount) as amount from deals d join segment_members x on x.client_id = d.client_id
                         where x.segment_id = s.id and d.status = 'won' group by d.currency) w) as won_amounts
              from segments s left join segment_members m on m.segment_id = s.id
              where s.id in ${ids.length ? ids : ['00000000-0000-0000-0000-000000000000']}
              group by s.id, s.name order by s.name`,
        ),
      );
      return {
        items: rows.map((r) => ({
          id: r.id,
          name: r.name,
          clients: r.clients,
          openDeals: r.open_deals,
          wonDeals: r.won_deals,
          wonAmounts: r.won_amounts,
        })),
      };
    },
  );
}
