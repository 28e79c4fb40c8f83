import { sql } from 'drizzle-orm';
import { type Executor, sqlRows } from '../../../platform/db/database.js';
import { invalidField } from '../../../platform/http/problem.js';
import { companyBooks } from '../books.js';
import { addDays } from '../dates.js';
import { type RevaluationSide, revalueOpenItems } from '../rules/revaluation.js';
import { RuleError } from '../rules/rule-error.js';
import { rateOn } from './documents.js';

export interface RevaluationQuery {
  companyId: string;
  date: string;
  side?: RevaluationSide;
  currency?: string;
}

interface OpenOnDate {
  id: string;
  side: RevaluationSide;
  account_id: string;
  counterparty_id: string;
  legal_name: string;
  invoice_id: string | null;
  payment_id: string | null;
  document_date: string;
  due_date: string;
  currency: string;
  outstanding: string;
  outstanding_in_company_currency: string;
}

/**
 * Foreign-currency open items with something outstanding at the end of `date`, as they stood
 * then: allocations dated later are taken back out, and items of cancelled documents left out
 * (their entries were reversed on their own dates, so the books never carried them). An
 * allocation moves an item towards zero by its amount, from either end of it, at the rate its
 * end of the allocation booked.
 */
function itemsOpenOn(tx: Executor, q: RevaluationQuery, companyCurrency: string) {
  return sqlRows<OpenOnDate>(
    tx,
    sql`with moved as (
          select open_item_id as item_id, amount, amount_at_item_rate as in_company
            from allocations where company_id = ${q.companyId} and allocated_on <= ${q.date}::date
          union all
          select settled_by_id, amount, amount_at_settling_rate
            from allocations where company_id = ${q.companyId} and allocated_on <= ${q.date}::date
        ), per_item as (
          select item_id, sum(amount) as amount, sum(in_company) as in_company from moved group by item_id
        ), open_on as (
          select o.*, o.amount - sign(o.amount) * coalesce(m.amount, 0) as open_amount,
                 o.amount_in_company_currency - sign(o.amount) * coalesce(m.in_company, 0) as open_in_company
            from open_items o
            left join per_item m on m.item_id = o.id
            left join invoices i on i.id = o.invoice_id
            left join payments p on p.id = o.payment_id
           where o.company_id = ${q.companyId} and o.currency <> ${companyCurrency}
             and o.document_date <= ${q.date}::date
             and coalesce(i.status, p.status, 'posted') <> 'cancelled'
             ${q.side ? sql`and o.side = ${q.side}` : sql``}
             ${q.currency ? sql`and o.currency = ${q.currency}` : sql``}
        )
        select o.id, o.side, o.account_id, o.counterparty_id, c.legal_name, o.invoice_id, o.payment_id,
               o.document_date::text, o.due_date::text, o.currency,
               o.open_amount::text as outstanding, o.open_in_company::text as outstanding_in_company_currency
          from open_on o join counterparties c on c.id = o.counterparty_id
         where o.open_amount <> 0
         order by o.side, o.currency, c.legal_name, o.due_date, o.id`,
  );
}

/**
 * What revaluing the open foreign-currency items on `date` would book: each item at the rate of
 * that date against what the books carry it at, the totals per account and currency, and the
 * journal lines. Reads only; posting books exactly this.
 */
export async function previewRevaluation(tx: Executor, q: RevaluationQuery) {
  const company = await companyBooks(tx, q.companyId);
  if (q.currency === company.currency)
    throw invalidField('currency', `${q.currency} is the company currency; it has nothing to revalue`);
  const rows = await itemsOpenOn(tx, q, company.currency);
  const rates: Record<string, string> = {};
  for (const currency of new Set(rows.map((r) => r.currency)))
    rates[currency] = await rateOn(tx, currency, company.currency, q.date);
  const revaluation = revalueRows(rows, rates, company.precision);
  const extra = new Map(rows.map((r) => [r.id, r]));
  return {
    companyId: q.companyId,
    date: q.date,
    reversalDate: addDays(q.date, 1),
    side: q.side ?? null,
    currency: company.currency,
    companyPrecision: company.precision,
    rates: Object.entries(rates).map(([currency, rate]) => ({ currency, rate })),
    ...revaluation,
    items: revaluation.items.map((item) => {
      const row = extra.get(item.id)!;
      return {
        ...item,
        legalName: row.legal_name,
        invoiceId: row.invoice_id,
        paymentId: row.payment_id,
        documentDate: row.document_date,
        dueDate: row.due_date,
      };
    }),
  };
}

function revalueRows(rows: OpenOnDate[], rates: Record<string, string>, companyPrecision: number) {
  try {
    return revalueOpenItems({
      items: rows.map((r) => ({
        id: r.id,
        side: r.side,
        accountId: r.account_id,
        counterpartyId: r.counterparty_id,
        currency: r.currency,
        outstanding: r.outstanding,
        outstandingInCompanyCurrency: r.outstanding_in_company_currency,
      })),
      rates,
      companyPrecision,
    });
  } catch (error) {
    if (error instanceof RuleError) throw invalidField(error.field, error.message);
    throw error;
  }
}

export type RevaluationPreview = Awaited<ReturnType<typeof previewRevaluation>>;
