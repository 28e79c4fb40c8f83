import { and, eq, isNull } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { systemActor } from '../../platform/actions/actor.js';
import { tenantOfToken } from '../../platform/auth/secrets.js';
import { inTenant } from '../../platform/db/tenant-context.js';
import type { Api } from '../../platform/http/api.js';
import { archiveRoutes } from '../../platform/http/archive-routes.js';
import { textFilter, unlessArchived } from '../../platform/http/filters.js';
import { keysetPage, listQuery, pageOf, whereAll } from '../../platform/http/pagination.js';
import { notFound, Problem } from '../../platform/http/problem.js';
import { IdParams } from '../../platform/http/schemas.js';
import type { Platform } from '../../platform/platform.js';
import { requirePermission } from '../../platform/rbac/require-permission.js';
import { tenants } from '../../platform/tenancy/schema.js';
import { ListFilters, showWebForm, WebForm, WebFormFields } from './actions/activity-schemas.js';
import { createWebForm } from './actions/create-web-form.js';
import { receiveWebFormLead, WebFormEntry } from './actions/receive-web-form-lead.js';
import { setWebFormArchived } from './actions/set-web-form-archived.js';
import { updateWebForm } from './actions/update-web-form.js';
import { webForms } from './schema.js';

const tags = ['Web forms'];

/** Per visitor and form: enough for people, too few for a script filling the inbox. */
export const WEB_FORM_RATE_LIMIT = { max: 20, timeWindow: '1 minute' };

const unknownForm = () =>
  new Problem(
    404,
    'Unknown form',
    'This form does not take entries. Check the address in the page that posts it.',
  );

/**
 * The form a public key names, looked up in the workspace the key names: the lookup runs under
 * row-level security like any other. Archived forms, archived workspaces and workspaces with
 * CRM switched off have none.
 */
async function findPublicForm(platform: Platform, publicKey: string) {
  const tenantId = tenantOfToken('wf', publicKey);
  if (!tenantId) return undefined;
  const [form] = await inTenant(platform.db, { tenantId }, (tx) =>
    tx
      .select({ id: webForms.id, tenantId: webForms.tenantId })
      .from(webForms)
      .innerJoin(tenants, and(eq(tenants.id, webForms.tenantId), isNull(tenants.archivedAt)))
      .where(and(eq(webForms.publicKey, publicKey), isNull(webForms.archivedAt))),
  );
  if (!form) return undefined;
  const off = await platform.modules.switchedOff(platform.db, tenantId);
  return off.has('crm') ? undefined : form;
}

/** The endpoint web pages post to: no login, any origin, a rate limit and a honeypot instead. */
async function publicFormRoutes(scope: Api) {
  const { platform } = scope;
  // A plain HTML form posts urlencoded; a script posts JSON. Both are read, in this scope only.
  scope.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string' },
    (_req, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(body as string)));
    },
  );
  scope.addHook('onRequest', async (_req, reply) => {
    reply.header('access-control-allow-origin', '*');
  });
  const path = '/public/forms/:publicKey/leads';
  const params = Type.Object({ publicKey: Type.String({ maxLength: 200 }) }, { additionalProperties: false });

  scope.options(path, { config: { public: true }, schema: { hide: true } }, (_req, reply) =>
    reply
      .code(204)
      .header('access-control-allow-methods', 'POST, OPTIONS')
      .header('access-control-allow-headers', 'content-type')
      .header('access-control-max-age', '86400')
      .send(),
  );

  scope.post(
    path,
    {
      config: {
        public: true,
        rateLimit: {
          ...WEB_FORM_RATE_LIMIT,
          keyGenerator: (req: FastifyRequest) =>
            `${req.ip}:${(req.params as { publicKey?: string }).publicKey}`,
        },
      },
      schema: {
        tags,
        summary: 'Send a lead through a web form (public: no login)',
        description:
          'Give an email or a phone. `website` is a honeypot: hide it from people; an entry that fills it is ' +
          'answered like any other and dropped. At most 20 entries a minute per visitor and form.',
        security: [],
        params,
        body: Type.Object(
          {
            ...WebFormEntry,
            website: Type.Optional(Type.String({ maxLength: 500, description: 'Honeypot: must stay empty' })),
          },
          { additionalProperties: false },
        ),
        response: { 202: Type.Object({ received: Type.Boolean() }) },
      },
    },
    async (req, reply) => {
      const form = await findPublicForm(platform, req.params.publicKey);
      if (!form) throw unknownForm();
      const { website, ...entry } = req.body;
      // A bot that filled the hidden field learns nothing from the answer.
      if (!website?.trim())
        await platform.runner.run(receiveWebFormLead, systemActor(form.tenantId), {
          webFormId: form.id,
          ...entry,
        });
      return reply.code(202).send({ received: true });
    },
  );
}

export function webFormRoutes(api: Api) {
  const manage = requirePermission('crm:manage');

  api.get(
    '/web-forms',
    {
      preHandler: manage,
      schema: {
        tags,
        summary: 'List the web forms, with the keys their pages post to',
        querystring: listQuery(['name', 'createdAt'], {
          ...ListFilters,
          includeArchived: Type.Optional(Type.Boolean({ description: 'Show archived forms too' })),
        }),
        response: { 200: pageOf(WebForm) },
      },
    },
    async (req) => {
      const page = await req.read((tx) =>
        keysetPage(
          req.query,
          { name: webForms.name, createdAt: webForms.createdAt },
          'name',
          webForms.id,
          (where, orderBy, limit) =>
            tx
              .select()
              .from(webForms)
              .where(
                whereAll([
                  where,
                  unlessArchived(req.query.includeArchived, webForms.archivedAt),
                  textFilter(req.query.q, webForms.name),
                ]),
              )
              .orderBy(...orderBy)
              .limit(limit),
        ),
      );
      return { ...page, items: page.items.map(showWebForm) };
    },
  );

  api.get(
    '/web-forms/:id',
    {
      preHandler: manage,
      schema: { tags, summary: 'One web form', params: IdParams, response: { 200: WebForm } },
    },
    async (req) => {
      const [form] = await req.read((tx) => tx.select().from(webForms).where(eq(webForms.id, req.params.id)));
      if (!form) throw notFound('Web form', req.params.id);
      return showWebForm(form);
    },
  );

  api.post(
    '/web-forms',
    {
      schema: {
        tags,
        summary: 'Add a web form; its leads carry its source and go to its responsible person',
        body: Type.Object(WebFormFields, { additionalProperties: false }),
        response: { 201: WebForm },
      },
    },
    async (req, reply) => reply.code(201).send(await req.run(createWebForm, req.body)),
  );

  api.patch(
    '/web-forms/:id',
    {
      schema: {
        tags,
        summary: 'Rename a web form or send its leads elsewhere (its key stays)',
        params: IdParams,
        body: Type.Partial(Type.Object(WebFormFields), { additionalProperties: false }),
        response: { 200: WebForm },
      },
    },
    (req) => req.run(updateWebForm, { ...req.body, id: req.params.id }),
  );

  archiveRoutes(api, {
    path: '/web-forms',
    what: 'a web form',
    summaries: ['Archive a web form: its key stops taking entries', 'Restore a web form'],
    tags,
    response: WebForm,
    action: setWebFormArchived,
  });

  api.register(publicFormRoutes);
}
