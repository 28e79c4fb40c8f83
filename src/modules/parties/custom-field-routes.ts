import { eq } from 'drizzle-orm';
import { Type } from 'typebox';
import type { Api } from '../../platform/http/api.js';
import { archiveRoutes } from '../../platform/http/archive-routes.js';
import { unlessArchived } from '../../platform/http/filters.js';
import { keysetPage, listQuery, pageOf, whereAll } from '../../platform/http/pagination.js';
import { IdParams } from '../../platform/http/schemas.js';
import { requirePermission } from '../../platform/rbac/require-permission.js';
import { createCustomField } from './actions/create-custom-field.js';
import { setCustomFieldArchived } from './actions/set-custom-field-archived.js';
import { updateCustomField } from './actions/update-custom-field.js';
import {
  CUSTOM_FIELD_ENTITIES,
  CustomField,
  CustomFieldChanges,
  CustomFieldFields,
  OneOf,
} from './party-schemas.js';
import { customFields } from './schema.js';

const tags = ['Custom fields'];

export function customFieldRoutes(api: Api) {
  // Deals and leads have custom fields too: CRM users read the definitions of those.
  const read = requirePermission('parties:read', 'crm:read');

  api.get(
    '/custom-fields',
    {
      preHandler: read,
      schema: {
        tags,
        summary: 'The custom fields of clients, contacts, deals or leads',
        querystring: listQuery(['key', 'label', 'createdAt'], {
          entity: Type.Optional(OneOf(CUSTOM_FIELD_ENTITIES)),
          includeArchived: Type.Optional(Type.Boolean()),
        }),
        response: { 200: pageOf(CustomField) },
      },
    },
    (req) =>
      req.read((tx) =>
        keysetPage(
          req.query,
          { key: customFields.key, label: customFields.label, createdAt: customFields.createdAt },
          'createdAt',
          customFields.id,
          (where, orderBy, limit) =>
            tx
              .select()
              .from(customFields)
              .where(
                whereAll([
                  where,
                  unlessArchived(req.query.includeArchived, customFields.archivedAt),
                  req.query.entity ? eq(customFields.entity, req.query.entity) : undefined,
                ]),
              )
              .orderBy(...orderBy)
              .limit(limit),
        ),
      ),
  );

  api.post(
    '/custom-fields',
    {
      schema: {
        tags,
        summary: 'Define a custom field',
        body: Type.Object(CustomFieldFields, { additionalProperties: false }),
        response: { 201: CustomField },
      },
    },
    async (req, reply) => reply.code(201).send(await req.run(createCustomField, req.body)),
  );

  api.patch(
    '/custom-fields/:id',
    {
      schema: {
        tags,
        summary: 'Change the label, choices or required flag of a custom field',
        params: IdParams,
        body: Type.Partial(Type.Object(CustomFieldChanges), { additionalProperties: false }),
        response: { 200: CustomField },
      },
    },
    (req) => req.run(updateCustomField, { ...req.body, id: req.params.id }),
  );

  archiveRoutes(api, {
    path: '/custom-fields',
    what: 'a custom field',
    tags,
    response: CustomField,
    action: setCustomFieldArchived,
  });
}
