import { Type } from 'typebox';
import type { Api } from '../../../platform/http/api.js';
import { DateOnly, Id, Nullable } from '../../../platform/http/schemas.js';
import { requirePermission } from '../../../platform/rbac/require-permission.js';
import { sendPdf } from './pdf-layout.js';
import { counterpartyStatement } from './statement.js';
import { statementPdf } from './statement-pdf.js';

const Amount = Type.String();

const Movement = Type.Object({
  date: Type.String(),
  kind: Type.String(),
  documentId: Id,
  number: Nullable(Type.String()),
  entryId: Id,
  entryNumber: Nullable(Type.String()),
  description: Nullable(Type.String()),
  currency: Type.String(),
  amountInCurrency: Amount,
  debit: Amount,
  credit: Amount,
  balance: Amount,
});

export const Statement = Type.Object({
  companyId: Id,
  company: Type.Object({ name: Type.String(), legalName: Type.String(), taxId: Nullable(Type.String()) }),
  counterparty: Type.Object({ id: Id, legalName: Type.String(), taxId: Nullable(Type.String()) }),
  from: Type.String(),
  to: Type.String(),
  currency: Type.String(),
  openingBalance: Amount,
  movements: Type.Array(Movement),
  totals: Type.Object({ debit: Amount, credit: Amount }),
  closingBalance: Amount,
});

/** A counterparty's statement of account (reconciliation act), as JSON or a printable PDF. */
export function statementRoutes(api: Api) {
  api.get(
    '/accounting/statements',
    {
      preHandler: requirePermission('accounting:read'),
      schema: {
        tags: ['Receivables and payables'],
        summary:
          "A counterparty's statement of account: opening balance, posted movements with the running balance, closing balance",
        produces: ['application/json', 'application/pdf'],
        querystring: Type.Object(
          {
            companyId: Id,
            counterpartyId: Id,
            from: DateOnly,
            to: DateOnly,
            format: Type.Optional(
              Type.Union([Type.Literal('json'), Type.Literal('pdf')], {
                description: 'pdf answers application/pdf, an A4 document for both parties to sign',
              }),
            ),
          },
          { additionalProperties: false },
        ),
        response: { 200: Statement },
      },
    },
    async (req, reply) => {
      const statement = await req.read((tx) => counterpartyStatement(tx, req.query));
      if (req.query.format !== 'pdf') return statement;
      return sendPdf(reply, `statement-${statement.from}-${statement.to}`, await statementPdf(statement));
    },
  );
}
