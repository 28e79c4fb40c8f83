import { and, eq } from 'drizzle-orm';
import { Type } from 'typebox';
import type { Api } from '../../../platform/http/api.js';
import { keysetPage, listQuery, pageOf, whereAll } from '../../../platform/http/pagination.js';
import { Id, IdParams } from '../../../platform/http/schemas.js';
import { requirePermission } from '../../../platform/rbac/require-permission.js';
import { confirmBankLine } from './actions/confirm-bank-line.js';
import { ignoreBankLine } from './actions/ignore-bank-line.js';
import { importBankStatement } from './actions/import-bank-statement.js';
import { reopenBankLine } from './actions/reopen-bank-line.js';
import { saveBankImportMapping } from './actions/save-import-mapping.js';
import { bankJournal } from './bank-journal.js';
import { savedMapping } from './import-mapping.js';
import { bankStatements } from './schema.js';
import {
  ConfirmInput,
  CsvMapping,
  IgnoreInput,
  ImportInput,
  ImportResult,
  LineSuggestions,
  MAX_FILE_CHARS,
  MappingView,
  Statement,
  StatementLine,
  StatementSummary,
} from './schemas.js';
import { suggestionsFor } from './suggestions.js';
import { lineView, statementView, withProgress } from './views.js';

const SuggestionLimit = Type.Optional(
  Type.Integer({ minimum: 1, maximum: 20, description: 'Per line (default 5)' }),
);

/** Bank statements: imported into a bank journal, their lines matched to open items and confirmed as payments. */
export function bankRoutes(api: Api) {
  const read = requirePermission('accounting:read');
  const tags = ['Bank statements'];

  api.get(
    '/bank-statements',
    {
      preHandler: read,
      schema: {
        tags,
        summary: 'List imported statements with their progress, newest first by default',
        querystring: listQuery(['createdAt', 'toDate'], { companyId: Id, journalId: Type.Optional(Id) }),
        response: { 200: pageOf(StatementSummary) },
      },
    },
    (req) =>
      req.read(async (tx) => {
        const page = await keysetPage(
          req.query,
          { createdAt: bankStatements.createdAt, toDate: bankStatements.toDate },
          '-createdAt',
          bankStatements.id,
          (where, orderBy, limit) =>
            tx
              .select()
              .from(bankStatements)
              .where(
                whereAll([
                  where,
                  eq(bankStatements.companyId, req.query.companyId),
                  req.query.journalId ? eq(bankStatements.journalId, req.query.journalId) : undefined,
                ]),
              )
              .orderBy(...orderBy)
              .limit(limit),
        );
        return { ...page, items: await withProgress(tx, page.items) };
      }),
  );
  api.get(
    '/bank-statements/:id',
    {
      preHandler: read,
      schema: {
        tags,
        summary: 'One statement with its lines',
        params: IdParams,
        response: { 200: Statement },
      },
    },
    (req) => req.read((tx) => statementView(tx, req.params.id)),
  );
  api.post(
    '/bank-statements/import',
    {
      bodyLimit: MAX_FILE_CHARS * 2,
      schema: {
        tags,
        summary: 'Import a CSV or camt.053 statement into a bank journal',
        description:
          'The file travels as text in `content`. CSV needs a `mapping` (or the one saved for the journal; ' +
          '`saveMapping` keeps the one sent). camt.053 must state its opening (OPBD) and closing (CLBD) balances; ' +
          'a CSV may be given them. The balances must agree with the lines, and the statement must be in the ' +
          "journal's currency. A line imported before into the journal (same day, amount, references and " +
          'counterparty account) is left out and counted in `duplicates`. A bad file answers 422 naming `file` ' +
          'or the line (`lines.3.amount`, counted from 0 among the lines, with the row or entry in the reason).',
        body: ImportInput,
        response: { 201: ImportResult },
      },
    },
    async (req, reply) => reply.code(201).send(await req.run(importBankStatement, req.body)),
  );
  api.get(
    '/bank-statements/:id/suggestions',
    {
      preHandler: read,
      schema: {
        tags,
        summary: 'Open items each open line of the statement most likely pays, best first',
        params: IdParams,
        querystring: Type.Object({ limit: SuggestionLimit }, { additionalProperties: false }),
        response: { 200: Type.Array(LineSuggestions) },
      },
    },
    (req) =>
      req.read(async (tx) => {
        const statement = await statementView(tx, req.params.id);
        const open = statement.lines
          .filter((l) => l.status === 'open')
          .map((l) => ({ ...l, companyId: statement.companyId }));
        const found = await suggestionsFor(tx, open, req.query.limit);
        return open.map((l) => ({ lineId: l.id, suggestions: found.get(l.id) ?? [] }));
      }),
  );
  api.get(
    '/bank-statement-lines/:id/suggestions',
    {
      preHandler: read,
      schema: {
        tags,
        summary: 'Open items the line most likely pays, best first, with the reasons',
        params: IdParams,
        querystring: Type.Object({ limit: SuggestionLimit }, { additionalProperties: false }),
        response: { 200: LineSuggestions },
      },
    },
    (req) =>
      req.read(async (tx) => {
        const line = await lineView(tx, req.params.id);
        const [statement] = await tx
          .select({ companyId: bankStatements.companyId })
          .from(bankStatements)
          .where(and(eq(bankStatements.id, line.statementId)));
        const found = await suggestionsFor(
          tx,
          [{ ...line, companyId: statement.companyId }],
          req.query.limit,
        );
        return { lineId: line.id, suggestions: found.get(line.id) ?? [] };
      }),
  );
  api.post(
    '/bank-statement-lines/:id/confirm',
    {
      schema: {
        tags,
        summary: 'Confirm a line: post a payment of the counterparty and allocate it to the items given',
        description:
          'Money in makes a receipt, money out a payment, through the statement’s journal on the line’s day. ' +
          'With no allocations the whole amount stays on the counterparty as an advance. One transaction: ' +
          'a refused allocation leaves no payment.',
        params: IdParams,
        body: ConfirmInput,
        response: { 200: StatementLine },
      },
    },
    (req) => req.run(confirmBankLine, { ...req.body, id: req.params.id }),
  );
  api.post(
    '/bank-statement-lines/:id/ignore',
    {
      schema: {
        tags,
        summary: 'Set a line aside with a note (bank fees, transfers between own accounts)',
        params: IdParams,
        body: IgnoreInput,
        response: { 200: StatementLine },
      },
    },
    (req) => req.run(ignoreBankLine, { ...req.body, id: req.params.id }),
  );
  api.post(
    '/bank-statement-lines/:id/reopen',
    {
      schema: {
        tags,
        summary: 'Take an ignored line back to open',
        params: IdParams,
        response: { 200: StatementLine },
      },
    },
    (req) => req.run(reopenBankLine, { id: req.params.id }),
  );
  api.get(
    '/journals/:id/bank-import-mapping',
    {
      preHandler: read,
      schema: {
        tags,
        summary: "The CSV mapping saved for a bank journal's imports (null when none)",
        params: IdParams,
        response: { 200: MappingView },
      },
    },
    (req) =>
      req.read(async (tx) => {
        const { journal } = await bankJournal(tx, req.params.id, 'id');
        return { journalId: journal.id, mapping: await savedMapping(tx, journal.id) };
      }),
  );
  api.put(
    '/journals/:id/bank-import-mapping',
    {
      schema: {
        tags,
        summary: "Save the CSV mapping of a bank journal's imports",
        params: IdParams,
        body: Type.Object({ mapping: CsvMapping }, { additionalProperties: false }),
        response: { 200: MappingView },
      },
    },
    (req) => req.run(saveBankImportMapping, { journalId: req.params.id, mapping: req.body.mapping }),
  );
}
