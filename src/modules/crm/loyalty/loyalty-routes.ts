import { Decimal } from 'decimal.js';
import { and, eq, getTableColumns, isNull } from 'drizzle-orm';
import { Type } from 'typebox';
import type { Api } from '../../../platform/http/api.js';
import { archiveRoutes, switchRoutes } from '../../../platform/http/archive-routes.js';
import { unlessArchived } from '../../../platform/http/filters.js';
import { keysetPage, listQuery, pageOf, whereAll } from '../../../platform/http/pagination.js';
import { invalidField, notFound } from '../../../platform/http/problem.js';
import { Id, IdParams } from '../../../platform/http/schemas.js';
import { requirePermission } from '../../../platform/rbac/require-permission.js';
import { normalisePhone } from '../../parties/rules/normalise-phone.js';
import { clients } from '../../parties/schema.js';
import { loadVisibleClient, visibleThroughClient } from '../../parties/visibility.js';
import { loyaltyBalances, loyaltyCards, loyaltyLedger, loyaltyPrograms } from '../schema.js';
import { accruePoints } from './actions/accrue-points.js';
import { adjustPoints } from './actions/adjust-points.js';
import { createLoyaltyProgram } from './actions/create-loyalty-program.js';
import { CardNumber, issueLoyaltyCard } from './actions/issue-loyalty-card.js';
import { redeemPoints } from './actions/redeem-points.js';
import { setLoyaltyCardBlocked } from './actions/set-loyalty-card-blocked.js';
import { setLoyaltyProgramArchived } from './actions/set-loyalty-program-archived.js';
import { updateLoyaltyProgram } from './actions/update-loyalty-program.js';
import { Card, LedgerEntry, Posting, Program, ProgramChanges, ProgramFields } from './loyalty-schemas.js';

const tags = ['Loyalty'];

export function loyaltyRoutes(api: Api) {
  const read = requirePermission('crm:read');

  api.get(
    '/loyalty-programs',
    {
      preHandler: read,
      schema: {
        tags,
        summary: 'Bonus programs',
        querystring: listQuery(['name'], { includeArchived: Type.Optional(Type.Boolean()) }),
        response: { 200: pageOf(Program) },
      },
    },
    (req) =>
      req.read((tx) =>
        keysetPage(
          req.query,
          { name: loyaltyPrograms.name },
          'name',
          loyaltyPrograms.id,
          (where, orderBy, limit) =>
            tx
              .select()
              .from(loyaltyPrograms)
              .where(whereAll([where, unlessArchived(req.query.includeArchived, loyaltyPrograms.archivedAt)]))
              .orderBy(...orderBy)
              .limit(limit),
        ),
      ),
  );

  api.post(
    '/loyalty-programs',
    {
      schema: {
        tags,
        summary: 'Make a bonus program',
        body: Type.Object(ProgramFields, { additionalProperties: false }),
        response: { 201: Program },
      },
    },
    async (req, reply) => reply.code(201).send(await req.run(createLoyaltyProgram, req.body)),
  );

  api.patch(
    '/loyalty-programs/:id',
    {
      schema: {
        tags,
        summary: "Change a program's rules from now on (not its currency)",
        params: IdParams,
        body: Type.Partial(Type.Object(ProgramChanges), { additionalProperties: false }),
        response: { 200: Program },
      },
    },
    (req) => req.run(updateLoyaltyProgram, { ...req.body, id: req.params.id }),
  );

  archiveRoutes(api, {
    path: '/loyalty-programs',
    what: 'a bonus program',
    summaries: ['Archive a bonus program: it earns and spends no more points', 'Restore a bonus program'],
    tags,
    response: Program,
    action: setLoyaltyProgramArchived,
  });

  api.post(
    '/loyalty-cards',
    {
      schema: {
        tags,
        summary: 'Issue a card to a client (a number is generated when none is given)',
        body: Type.Object(
          {
            programId: Id,
            clientId: Id,
            cardNumber: Type.Optional(CardNumber),
            phone: Type.Optional(Type.String({ maxLength: 30 })),
          },
          { additionalProperties: false },
        ),
        response: { 201: Card },
      },
    },
    async (req, reply) => reply.code(201).send(await req.run(issueLoyaltyCard, req.body)),
  );

  api.get(
    '/loyalty-cards',
    {
      preHandler: read,
      schema: {
        tags,
        summary: "Cards issued, with their client's name",
        querystring: listQuery(['cardNumber'], {
          programId: Type.Optional(Id),
          clientId: Type.Optional(Id),
        }),
        response: { 200: pageOf(Type.Object({ ...Card.properties, clientName: Type.String() })) },
      },
    },
    (req) =>
      req.read((tx) =>
        keysetPage(
          req.query,
          { cardNumber: loyaltyCards.cardNumber },
          'cardNumber',
          loyaltyCards.id,
          (where, orderBy, limit) =>
            tx
              .select({ ...getTableColumns(loyaltyCards), clientName: clients.name })
              .from(loyaltyCards)
              .innerJoin(clients, eq(clients.id, loyaltyCards.clientId))
              .where(
                whereAll([
                  where,
                  req.query.programId ? eq(loyaltyCards.programId, req.query.programId) : undefined,
                  req.query.clientId ? eq(loyaltyCards.clientId, req.query.clientId) : undefined,
                  visibleThroughClient(req.actor, loyaltyCards.clientId),
                ]),
              )
              .orderBy(...orderBy)
              .limit(limit),
        ),
      ),
  );

  switchRoutes(api, ['block', 'unblock'], 'blocked', {
    path: '/loyalty-cards',
    summaries: ['Block a lost or stolen card: the till no longer finds it', 'Unblock a card'],
    tags,
    response: Card,
    action: setLoyaltyCardBlocked,
  });

  api.get(
    '/loyalty/lookup',
    {
      preHandler: read,
      schema: {
        tags,
        summary: 'Find a member by card number or phone, with the balance',
        querystring: Type.Object(
          {
            programId: Id,
            cardNumber: Type.Optional(Type.String({ maxLength: 50 })),
            phone: Type.Optional(Type.String({ maxLength: 30 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ card: Card, balance: Type.String() }) },
      },
    },
    (req) =>
      req.read(async (tx) => {
        const { programId, cardNumber, phone } = req.query;
        if (!cardNumber === !phone) throw invalidField('cardNumber', 'give a card number or a phone');
        let byPhone: string | undefined;
        if (phone) {
          const normalised = normalisePhone(phone);
          if (!normalised.ok) throw invalidField('phone', normalised.reason);
          byPhone = normalised.e164;
        }
        const [card] = await tx
          .select()
          .from(loyaltyCards)
          .where(
            and(
              eq(loyaltyCards.programId, programId),
              isNull(loyaltyCards.blockedAt),
              cardNumber ? eq(loyaltyCards.cardNumber, cardNumber) : eq(loyaltyCards.phone, byPhone!),
            ),
          );
        if (!card) throw notFound('Loyalty card');
        await loadVisibleClient(tx, req.actor, card.clientId);
        const [balance] = await tx
          .select({ points: loyaltyBalances.points })
          .from(loyaltyBalances)
          .where(and(eq(loyaltyBalances.programId, programId), eq(loyaltyBalances.clientId, card.clientId)));
        return { card, balance: fixed2(balance?.points ?? '0') };
      }),
  );

  api.post(
    '/loyalty/accruals',
    {
      schema: {
        tags,
        summary: 'Credit points for a paid purchase',
        body: accruePoints.input,
        response: { 201: Posting },
      },
    },
    async (req, reply) => reply.code(201).send(await req.run(accruePoints, req.body)),
  );

  api.post(
    '/loyalty/redemptions',
    {
      schema: {
        tags,
        summary: 'Pay with points',
        body: redeemPoints.input,
        response: { 201: Posting },
      },
    },
    async (req, reply) => reply.code(201).send(await req.run(redeemPoints, req.body)),
  );

  api.post(
    '/loyalty/adjustments',
    {
      schema: {
        tags,
        summary: 'Correct a balance with a signed entry and a reason',
        body: adjustPoints.input,
        response: { 201: Posting },
      },
    },
    async (req, reply) => reply.code(201).send(await req.run(adjustPoints, req.body)),
  );

  api.get(
    '/clients/:id/loyalty',
    {
      preHandler: read,
      schema: {
        tags,
        summary: "A client's balance and points history in a program",
        params: IdParams,
        querystring: Type.Object(
          { programId: Id, limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ balance: Type.String(), entries: Type.Array(LedgerEntry) }) },
      },
    },
    (req) =>
      req.read(async (tx) => {
        await loadVisibleClient(tx, req.actor, req.params.id);
        const where = and(
          eq(loyaltyLedger.programId, req.query.programId),
          eq(loyaltyLedger.clientId, req.params.id),
        );
        const [balance] = await tx
          .select({ points: loyaltyBalances.points })
          .from(loyaltyBalances)
          .where(
            and(
              eq(loyaltyBalances.programId, req.query.programId),
              eq(loyaltyBalances.clientId, req.params.id),
            ),
          );
        const entries = await tx
          .select()
          .from(loyaltyLedger)
          .where(where)
          .orderBy(loyaltyLedger.createdAt)
          .limit(req.query.limit ?? 100);
        return {
          balance: fixed2(balance?.points ?? '0'),
          entries: entries.map((e) => ({ ...e, points: fixed2(e.points) })),
        };
      }),
  );
}

/** Points are shown to two places; the ledger keeps six. */
const fixed2 = (v: string) => new Decimal(v).toFixed(2);
