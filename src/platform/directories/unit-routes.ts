import { Type } from 'typebox';
import type { Api } from '../http/api.js';
import { textFilter, unlessArchived } from '../http/filters.js';
import { keysetPage, listQuery, pageOf, whereAll } from '../http/pagination.js';
import { Problem } from '../http/problem.js';
import { Decimal } from '../http/schemas.js';
import { createUnit } from './actions/create-unit.js';
import { createUnitConversion } from './actions/create-unit-conversion.js';
import { setUnitArchived } from './actions/set-unit-archived.js';
import { updateUnit } from './actions/update-unit.js';
import { convertBetweenUnits } from './queries.js';
import { unitConversions, units } from './schema.js';
import {
  ArchivableListFilters,
  ConvertedQuantity,
  ListFilters,
  showConversion,
  Unit,
  UnitChanges,
  UnitCode,
  UnitConversion,
  UnitConversionFields,
  UnitFields,
} from './schemas.js';

const tags = ['Units'];
const CodeParams = Type.Object({ code: UnitCode }, { additionalProperties: false });

export function unitRoutes(api: Api) {
  api.get(
    '/units',
    {
      schema: {
        tags,
        summary: 'List the units of measure',
        querystring: listQuery(['code', 'name'], ArchivableListFilters),
        response: { 200: pageOf(Unit) },
      },
    },
    (req) =>
      req.read((tx) =>
        keysetPage(
          req.query,
          { code: units.code, name: units.name },
          'code',
          units.id,
          (where, orderBy, limit) =>
            tx
              .select()
              .from(units)
              .where(
                whereAll([
                  where,
                  unlessArchived(req.query.includeArchived, units.archivedAt),
                  textFilter(req.query.q, units.code, units.name),
                ]),
              )
              .orderBy(...orderBy)
              .limit(limit),
        ),
      ),
  );

  api.post(
    '/units',
    {
      schema: {
        tags,
        summary: 'Add a unit of measure',
        body: Type.Object(UnitFields, { additionalProperties: false }),
        response: { 201: Unit },
      },
    },
    async (req, reply) => reply.code(201).send(await req.run(createUnit, req.body)),
  );

  api.patch(
    '/units/:code',
    {
      schema: {
        tags,
        summary: 'Change a unit (its code stays)',
        params: CodeParams,
        body: Type.Partial(Type.Object(UnitChanges), { additionalProperties: false }),
        response: { 200: Unit },
      },
    },
    (req) => req.run(updateUnit, { ...req.body, code: req.params.code }),
  );

  for (const [verb, archived] of [
    ['archive', true],
    ['restore', false],
  ] as const) {
    api.post(
      `/units/:code/${verb}`,
      {
        schema: {
          tags,
          summary: `${verb === 'archive' ? 'Archive' : 'Restore'} a unit`,
          params: CodeParams,
          response: { 200: Unit },
        },
      },
      (req) => req.run(setUnitArchived, { code: req.params.code, archived }),
    );
  }

  api.get(
    '/unit-conversions',
    {
      schema: {
        tags,
        summary: 'List the conversions between units',
        querystring: listQuery(['fromUnit', 'createdAt'], ListFilters),
        response: { 200: pageOf(UnitConversion) },
      },
    },
    async (req) => {
      const page = await req.read((tx) =>
        keysetPage(
          req.query,
          { fromUnit: unitConversions.fromUnit, createdAt: unitConversions.createdAt },
          'fromUnit',
          unitConversions.id,
          (where, orderBy, limit) =>
            tx
              .select()
              .from(unitConversions)
              .where(
                whereAll([where, textFilter(req.query.q, unitConversions.fromUnit, unitConversions.toUnit)]),
              )
              .orderBy(...orderBy)
              .limit(limit),
        ),
      );
      return { ...page, items: page.items.map(showConversion) };
    },
  );

  api.get(
    '/unit-conversions/convert',
    {
      schema: {
        tags,
        summary: 'Convert a quantity to another unit',
        description:
          'Directly, by the reverse of a conversion, or through one unit in between (t → kg → g); ' +
          "rounded half up to the target unit's precision.",
        querystring: Type.Object(
          { from: UnitCode, to: UnitCode, quantity: Decimal },
          { additionalProperties: false },
        ),
        response: { 200: ConvertedQuantity },
      },
    },
    async (req) => {
      const { from, to, quantity } = req.query;
      const converted = await req.read((tx) => convertBetweenUnits(tx, quantity, from, to));
      if (!converted.ok)
        throw new Problem(422, 'No conversion', converted.error, [
          { field: 'to', reason: `cannot be reached from "${from}"` },
        ]);
      return { from, to, quantity, result: converted.result };
    },
  );

  api.post(
    '/unit-conversions',
    {
      schema: {
        tags,
        summary: 'Define how many of one unit another is',
        description: 'One row per pair: the reverse is derived, so defining it as well is refused.',
        body: Type.Object(UnitConversionFields, { additionalProperties: false }),
        response: { 201: UnitConversion },
      },
    },
    async (req, reply) => reply.code(201).send(showConversion(await req.run(createUnitConversion, req.body))),
  );
}
