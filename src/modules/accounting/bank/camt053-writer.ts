import { Decimal } from 'decimal.js';

export interface CamtEntry {
  bookingDate: string;
  /** Signed: money in positive. */
  amount: string;
  reference: string | null;
  counterpartyName: string | null;
  counterpartyIban: string | null;
  bankReference: string;
}

const xmlText = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function balance(code: string, amount: Decimal, currency: string, day: string) {
  return `<Bal><Tp><CdOrPrtry><Cd>${code}</Cd></CdOrPrtry></Tp><Amt Ccy="${currency}">${amount.abs().toFixed(2)}</Amt><CdtDbtInd>${amount.isNegative() ? 'DBIT' : 'CRDT'}</CdtDbtInd><Dt><Dt>${day}</Dt></Dt></Bal>`;
}

function entry(e: CamtEntry, currency: string) {
  const amount = new Decimal(e.amount);
  const moneyIn = amount.isPositive();
  const party = moneyIn ? 'Dbtr' : 'Cdtr';
  const parties =
    e.counterpartyName || e.counterpartyIban
      ? `<RltdPties>${e.counterpartyName ? `<${party}><Nm>${xmlText(e.counterpartyName)}</Nm></${party}>` : ''}${
          e.counterpartyIban ? `<${party}Acct><Id><IBAN>${e.counterpartyIban}</IBAN></Id></${party}Acct>` : ''
        }</RltdPties>`
      : '';
  const remittance = e.reference ? `<RmtInf><Ustrd>${xmlText(e.reference)}</Ustrd></RmtInf>` : '';
  return `<Ntry><Amt Ccy="${currency}">${amount.abs().toFixed(2)}</Amt><CdtDbtInd>${moneyIn ? 'CRDT' : 'DBIT'}</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>${e.bookingDate}</Dt></BookgDt><AcctSvcrRef>${xmlText(e.bankReference)}</AcctSvcrRef><NtryDtls><TxDtls>${parties}${remittance}</TxDtls></NtryDtls></Ntry>`;
}

/** A camt.053 statement of the entries, its closing balance the opening plus what they move: for demos and benchmarks. */
export function camt053Document(statement: {
  statementId: string;
  iban: string;
  currency: string;
  openingBalance: string;
  entries: CamtEntry[];
}) {
  const { currency, entries } = statement;
  const days = entries.map((e) => e.bookingDate).sort();
  const opening = new Decimal(statement.openingBalance);
  const closing = entries.reduce((sum, e) => sum.plus(e.amount), opening);
  return `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt><GrpHdr><MsgId>${xmlText(statement.statementId)}</MsgId><CreDtTm>${days[days.length - 1]}T18:00:00</CreDtTm></GrpHdr><Stmt><Id>${xmlText(statement.statementId)}</Id><Acct><Id><IBAN>${statement.iban}</IBAN></Id><Ccy>${currency}</Ccy></Acct>${balance('OPBD', opening, currency, days[0])}${balance('CLBD', closing, currency, days[days.length - 1])}
${entries.map((e) => entry(e, currency)).join('\n')}
</Stmt></BkToCstmrStmt></Document>
`;
}
