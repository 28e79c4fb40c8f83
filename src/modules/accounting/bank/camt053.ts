import { Decimal } from 'decimal.js';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { RuleError } from '../rules/rule-error.js';
import { MAX_STATEMENT_LINES, type ParsedLine, type ParsedStatement } from './parsed-statement.js';

/** Parsed XML, walked by element names that are checked where they are read. */
type Node = any;

/** Elements that may repeat; read as arrays even when a file has one. */
const REPEATING = new Set(['Stmt', 'Bal', 'Ntry', 'NtryDtls', 'TxDtls', 'Ustrd', 'Strd']);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  // Amounts stay text: a parsed number would be a binary float.
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  isArray: (name) => REPEATING.has(name),
});

const text = (node: Node): string | null => {
  if (node === undefined || node === null) return null;
  if (typeof node === 'object') return node['#text'] ?? null;
  const value = String(node).trim();
  return value ? value : null;
};

const list = (node: Node): Node[] => (node === undefined ? [] : Array.isArray(node) ? node : [node]);

/** An Amt element: its value and Ccy, checked to be an exact positive decimal. */
function amountOf(node: Node, field: string, place: string) {
  const value = text(node);
  if (!value || !/^\d+(\.\d+)?$/.test(value))
    throw new RuleError(field, `${place}: the amount "${value ?? ''}" is not a decimal number`);
  return { value: new Decimal(value), currency: node?.['@Ccy'] ?? null };
}

const signed = (amount: Decimal, indicator: unknown, field: string, place: string) => {
  if (indicator === 'CRDT') return amount;
  if (indicator === 'DBIT') return amount.negated();
  throw new RuleError(field, `${place}: CdtDbtInd is "${indicator ?? ''}"; expected CRDT or DBIT`);
};

/** BookgDt/Dt or BookgDt/DtTm (then ValDt) as YYYY-MM-DD. */
function dayOf(entry: Node, field: string, place: string): string {
  for (const node of [entry.BookgDt, entry.ValDt]) {
    const day = text(node?.Dt) ?? text(node?.DtTm)?.slice(0, 10);
    if (day && /^\d{4}-\d{2}-\d{2}$/.test(day)) return day;
  }
  throw new RuleError(field, `${place} has no booking date (BookgDt/Dt or DtTm)`);
}

/** Who paid us (money in) or whom we paid (money out): camt.053.001.08 wraps the party in Pty. */
function otherParty(tx: Node, moneyIn: boolean) {
  const parties = tx?.RltdPties;
  if (!parties) return { name: null, iban: null };
  const party = moneyIn ? parties.Dbtr : parties.Cdtr;
  const account = moneyIn ? parties.DbtrAcct : parties.CdtrAcct;
  const name = text(party?.Nm) ?? text(party?.Pty?.Nm);
  const iban = text(account?.Id?.IBAN) ?? text(account?.Id?.Othr?.Id);
  return { name, iban: iban ? iban.replace(/\s+/g, '').toUpperCase() : null };
}

/** Structured creditor references first (RF…, an invoice number), then the free text. */
function remittance(tx: Node): string | null {
  const info = tx?.RmtInf;
  if (!info) return null;
  const parts = [
    ...list(info.Strd).map((s: Node) => text(s?.CdtrRefInf?.Ref)),
    ...list(info.Ustrd).map((u: Node) => text(u)),
  ].filter((p): p is string => !!p);
  return parts.length ? parts.join(' ') : null;
}

function balance(balances: Node[], codes: string[], currency: string | null) {
  const found = balances.find((b) => codes.includes(text(b?.Tp?.CdOrPrtry?.Cd) ?? ''));
  if (!found) return null;
  const place = `balance ${codes[0]}`;
  const { value, currency: ccy } = amountOf(found.Amt, 'file', place);
  if (currency && ccy && ccy !== currency)
    throw new RuleError('file', `${place} is in ${ccy}; the account is in ${currency}`);
  return signed(value, text(found.CdtDbtInd), 'file', place).toFixed();
}

/**
 * Reads an ISO 20022 camt.053 bank-to-customer statement: one Stmt, its opening (OPBD) and
 * closing (CLBD) balances and its entries. An entry that books a batch (several TxDtls) gives a
 * line per transaction, whose amounts must add up to the entry's.
 */
export function parseCamt053(xml: string): ParsedStatement {
  const valid = XMLValidator.validate(xml);
  if (valid !== true)
    throw new RuleError('file', `the file is not well-formed XML: ${valid.err.msg} (line ${valid.err.line})`);
  const document = parser.parse(xml).Document;
  const statements = list(document?.BkToCstmrStmt?.Stmt);
  if (statements.length === 0)
    throw new RuleError('file', 'the file is not a camt.053 statement (no Document/BkToCstmrStmt/Stmt)');
  if (statements.length > 1)
    throw new RuleError('file', `the file holds ${statements.length} statements; import one at a time`);
  const stmt = statements[0];
  const balances = list(stmt.Bal);
  const accountCurrency = text(stmt.Acct?.Ccy);
  const currency = accountCurrency ?? balances.map((b) => b?.Amt?.['@Ccy']).find(Boolean) ?? null;
  const lines: ParsedLine[] = [];
  list(stmt.Ntry).forEach((entry: Node, e: number) => {
    const place = `entry ${e + 1}`;
    const field = `lines.${lines.length}.amount`;
    const total = amountOf(entry.Amt, field, place);
    if (currency && total.currency && total.currency !== currency)
      throw new RuleError(field, `${place} is in ${total.currency}; the statement is in ${currency}`);
    const indicator = text(entry.CdtDbtInd);
    const moneyIn = signed(total.value, indicator, field, place).isPositive();
    const bookingDate = dayOf(entry, `lines.${lines.length}.date`, place);
    const entryRef = text(entry.AcctSvcrRef) ?? text(entry.NtryRef);
    const transactions = list(entry.NtryDtls).flatMap((d: Node) => list(d?.TxDtls));
    const parts = transactions.length > 1 ? transactions : [transactions[0] ?? null];
    let sum = new Decimal(0);
    parts.forEach((tx: Node, t: number) => {
      const partPlace = parts.length > 1 ? `${place}, transaction ${t + 1}` : place;
      const partField = `lines.${lines.length}.amount`;
      const own =
        parts.length > 1 ? amountOf(tx?.Amt ?? tx?.AmtDtls?.TxAmt?.Amt, partField, partPlace) : total;
      sum = sum.plus(own.value);
      const party = otherParty(tx, moneyIn);
      const batchRef = entryRef && parts.length > 1 ? `${entryRef}/${t + 1}` : entryRef;
      lines.push({
        bookingDate,
        amount: signed(own.value, indicator, partField, partPlace).toFixed(),
        reference: remittance(tx) ?? text(entry.AddtlNtryInf),
        bankReference: text(tx?.Refs?.AcctSvcrRef) ?? batchRef ?? text(tx?.Refs?.EndToEndId),
        counterpartyName: party.name,
        counterpartyIban: party.iban,
        place: partPlace,
      });
    });
    if (!sum.equals(total.value))
      throw new RuleError(
        field,
        `${place}: its transactions add up to ${sum.toFixed()}, the entry says ${total.value.toFixed()}`,
      );
  });
  if (lines.length === 0) throw new RuleError('file', 'the statement has no entries');
  if (lines.length > MAX_STATEMENT_LINES)
    throw new RuleError(
      'file',
      `the statement has ${lines.length} lines; at most ${MAX_STATEMENT_LINES} at a time`,
    );
  return {
    statementRef: text(stmt.Id),
    accountIban: text(stmt.Acct?.Id?.IBAN),
    currency,
    openingBalance: balance(balances, ['OPBD', 'PRCD'], currency),
    closingBalance: balance(balances, ['CLBD'], currency),
    lines,
  };
}
