import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type InvoicingBooks,
  invoiceBody,
  type LineSpec,
  postInvoice,
  setUpInvoicingBooks,
} from '../peer/invoicing-books.js';
import { expectProblem } from '../support/accounting-books.js';
import { type Client, startTestApp, type TestApp } from '../support/test-app.js';

const camt = readFileSync(new URL('../fixtures/camt053-march.xml', import.meta.url), 'utf8');

let t: TestApp;
let admin: Client;
let reader: Client;
let books: InvoicingBooks;
let beta: string;
let gamma: string;
let supplier: string;
const item: Record<string, string> = {};
const invoiceId: Record<string, string> = {};
let statement: any;

async function counterparty(legalName: string, iban?: string) {
  const res = await admin.post('/api/v1/counterparties', {
    legalName,
    country: 'DE',
    ...(iban ? { bankAccounts: [{ iban }] } : {}),
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

/** How many rows a table has: what an error must leave as it was. */
async function count(table: string) {
  const [row] = await t.database.query<{ n: number }>(`select count(*)::int as n from ${table}`);
  return row.n;
}

const importCamt = (content = camt, journalId = books.journal.BNK) =>
  admin.post('/api/v1/bank-statements/import', {
    journalId,
    format: 'camt053',
    content,
    fileName: 'march.xml',
  });

const line = (lineNo: number) => statement.lines.find((l: any) => l.lineNo === lineNo);

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.login('admin@acme.test');
  books = await setUpInvoicingBooks(admin, t.acme.companyId);
  beta = await counterparty('Beta Trade OOD', 'BG80 BNBG 9661 1020 3456 78');
  gamma = await counterparty('Gamma Foods GmbH', 'DE44500105175407324931');
  supplier = await counterparty('Bürobedarf Berlin GmbH');
  const tax = await admin.post('/api/v1/taxes', {
    companyId: books.companyId,
    name: 'VAT 20%',
    ratePercent: '20',
    salesAccountId: books.account['2100'],
    purchaseAccountId: books.account['1300'],
  });
  const vat = tax.json().id;
  const invoices: [string, LineSpec[], string][] = [
    [beta, [{ quantity: '1', unitPrice: '1000', taxIds: [vat] }], '2026-02-02'],
    [gamma, [{ quantity: '1', unitPrice: '250', taxIds: [vat] }], '2026-02-03'],
    [gamma, [{ quantity: '2', unitPrice: '100' }], '2026-02-04'],
  ];
  for (const [who, lines, invoiceDate] of invoices) {
    const posted = await postInvoice(admin, invoiceBody(books, who, lines, { invoiceDate }));
    item[posted.number] = posted.openItems[0].id;
    invoiceId[posted.number] = posted.id;
  }
  const bill = await postInvoice(
    admin,
    invoiceBody(books, supplier, [{ quantity: '1', unitPrice: '150.50' }], {
      kind: 'supplier_invoice',
      invoiceDate: '2026-02-10',
      lines: [{ description: 'Paper', accountId: books.account['6200'], quantity: '1', unitPrice: '150.50' }],
    }),
  );
  item[bill.number] = bill.openItems[0].id;

  const role = await admin.post('/api/v1/roles', { name: 'Reader', permissions: ['accounting:read'] });
  const user = await admin.post('/api/v1/users', {
    email: 'reader@acme.test',
    name: 'Reader',
    password: 'long enough 123',
    roleIds: [role.json().id],
  });
  expect(user.statusCode, user.body).toBe(201);
  reader = await t.login('reader@acme.test', 'long enough 123');
});
afterAll(() => t.close());

describe('importing a camt.053 statement', () => {
  it('writes its lines open, a batch entry split into its transactions', async () => {
    const res = await importCamt();
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect([body.imported, body.duplicates]).toEqual([5, 0]);
    statement = body.statement;
    expect(statement).toMatchObject({
      format: 'camt053',
      statementRef: '2026-03-ACME-EUR-001',
      accountIban: 'BG18RZBB91550123456789',
      currency: 'EUR',
      openingBalance: '1000.0000',
      closingBalance: '2537.0000',
      fromDate: '2026-03-02',
      toDate: '2026-03-31',
      progress: { open: 5, confirmed: 0, ignored: 0 },
    });
    expect(
      statement.lines.map((l: any) => [
        l.lineNo,
        l.bookingDate,
        l.amount,
        l.reference,
        l.bankReference,
        l.counterpartyName,
        l.counterpartyIban,
        l.status,
      ]),
    ).toEqual([
      [
        1,
        '2026-03-02',
        '1200.0000',
        'Payment of invoice INV-2026-00001',
        'RZB-260302-000117',
        'BETA TRADE OOD',
        'BG80BNBG96611020345678',
        'open',
      ],
      [
        2,
        '2026-03-03',
        '-150.5000',
        'RE-4711',
        'RZB-260303-000031',
        'Buerobedarf Berlin GmbH',
        'DE89370400440532013000',
        'open',
      ],
      [
        3,
        '2026-03-05',
        '300.0000',
        'INV-2026-00002',
        'RZB-260305-000204-1',
        'Gamma Foods GmbH',
        'DE44500105175407324931',
        'open',
      ],
      [
        4,
        '2026-03-05',
        '200.0000',
        'Invoice 2026 00003',
        'RZB-260305-000204-2',
        'Gamma Foods GmbH',
        'DE44500105175407324931',
        'open',
      ],
      [5, '2026-03-31', '-12.5000', 'Account maintenance fee March', 'RZB-260331-FEES', null, null, 'open'],
    ]);
  });

  it('importing the same file again writes nothing and counts the duplicates', async () => {
    const res = await importCamt();
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toEqual({ statement: null, imported: 0, duplicates: 5 });
    expect(await count('bank_statements')).toBe(1);
    expect(await count('bank_statement_lines')).toBe(5);
  });

  it('lists the statement with its progress; a reader may read but not import', async () => {
    const list = await reader.get(`/api/v1/bank-statements?companyId=${books.companyId}`);
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().items.map((s: any) => [s.id, s.progress])).toEqual([
      [statement.id, { open: 5, confirmed: 0, ignored: 0 }],
    ]);
    expect((await reader.get(`/api/v1/bank-statements/${statement.id}`)).statusCode).toBe(200);
    const refused = await reader.post('/api/v1/bank-statements/import', {
      journalId: books.journal.BNK,
      format: 'camt053',
      content: camt,
    });
    expect(refused.statusCode, refused.body).toBe(403);
  });
});

describe('suggestions', () => {
  it('rank the open items by invoice number, IBAN, exact amount and name', async () => {
    const res = await admin.get(`/api/v1/bank-statements/${statement.id}/suggestions?limit=2`);
    expect(res.statusCode, res.body).toBe(200);
    const byLine = Object.fromEntries(
      res
        .json()
        .map((s: any) => [
          statement.lines.find((l: any) => l.id === s.lineId).lineNo,
          s.suggestions.map((x: any) => [x.documentNumber, x.score, x.reasons.join(' '), x.amount]),
        ]),
    );
    expect(byLine).toEqual({
      1: [['INV-2026-00001', 100, 'document_number iban exact_amount name', '1200.00']],
      2: [['BILL-2026-00001', 28, 'exact_amount name', '150.50']],
      3: [
        ['INV-2026-00002', 100, 'document_number iban exact_amount name', '300.00'],
        ['INV-2026-00003', 40, 'iban name', '200.00'],
      ],
      4: [
        ['INV-2026-00003', 60, 'iban exact_amount name', '200.00'],
        ['INV-2026-00002', 40, 'iban name', '200.00'],
      ],
      5: [],
    });
  });
});

describe('confirming a line', () => {
  it('posts a receipt through the bank journal and allocates it, in one go', async () => {
    const res = await admin.post(`/api/v1/bank-statement-lines/${line(1).id}/confirm`, {
      counterpartyId: beta,
      allocations: [{ openItemId: item['INV-2026-00001'], amount: '1200.00' }],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'confirmed',
      counterpartyId: beta,
      paymentNumber: 'RCPT-2026-00001',
    });
    const payment = (await admin.get(`/api/v1/payments/${res.json().paymentId}`)).json();
    expect([
      payment.direction,
      payment.status,
      payment.journalId,
      payment.paymentDate,
      payment.amount,
      payment.reference,
      payment.openItem.outstanding,
    ]).toEqual([
      'in',
      'posted',
      books.journal.BNK,
      '2026-03-02',
      '1200.0000',
      'Payment of invoice INV-2026-00001',
      '0.0000',
    ]);
    const invoice = (await admin.get(`/api/v1/invoices/${invoiceId['INV-2026-00001']}`)).json();
    expect(invoice.openItems.map((o: any) => o.outstanding)).toEqual(['0.0000']);
  });

  it('money out pays the supplier’s bill', async () => {
    const res = await admin.post(`/api/v1/bank-statement-lines/${line(2).id}/confirm`, {
      counterpartyId: supplier,
      allocations: [{ openItemId: item['BILL-2026-00001'], amount: '150.50' }],
    });
    expect(res.statusCode, res.body).toBe(200);
    const payment = (await admin.get(`/api/v1/payments/${res.json().paymentId}`)).json();
    expect([payment.direction, payment.number, payment.amount, payment.allocations.length]).toEqual([
      'out',
      'PAY-2026-00001',
      '150.5000',
      1,
    ]);
  });

  it('what is not allocated stays on the counterparty as an advance', async () => {
    const res = await admin.post(`/api/v1/bank-statement-lines/${line(4).id}/confirm`, {
      counterpartyId: gamma,
      allocations: [{ openItemId: item['INV-2026-00003'], amount: '150' }],
    });
    expect(res.statusCode, res.body).toBe(200);
    const payment = (await admin.get(`/api/v1/payments/${res.json().paymentId}`)).json();
    expect([payment.amount, payment.openItem.outstanding]).toEqual(['200.0000', '-50.0000']);
  });

  it('refuses allocations larger than the line, naming the field, and writes nothing', async () => {
    const before = [await count('payments'), await count('allocations')];
    const res = await admin.post(`/api/v1/bank-statement-lines/${line(3).id}/confirm`, {
      counterpartyId: gamma,
      allocations: [
        { openItemId: item['INV-2026-00002'], amount: '250' },
        { openItemId: item['INV-2026-00003'], amount: '50.01' },
      ],
    });
    expectProblem(res, 422, 'allocations');
    expect([await count('payments'), await count('allocations')]).toEqual(before);
  });

  it('refuses another counterparty’s item, naming the allocation, and leaves no payment behind', async () => {
    const before = [await count('payments'), await count('gl_entries')];
    const res = await admin.post(`/api/v1/bank-statement-lines/${line(3).id}/confirm`, {
      counterpartyId: gamma,
      allocations: [
        { openItemId: item['INV-2026-00002'], amount: '100' },
        { openItemId: item['INV-2026-00001'], amount: '100' },
      ],
    });
    expectProblem(res, 422, 'allocations.1.openItemId');
    expect([await count('payments'), await count('gl_entries')]).toEqual(before);
    expect((await admin.get(`/api/v1/bank-statement-lines/${line(3).id}/suggestions`)).statusCode).toBe(200);
  });

  it('a confirmed line cannot be confirmed or ignored again', async () => {
    const again = await admin.post(`/api/v1/bank-statement-lines/${line(1).id}/confirm`, {
      counterpartyId: beta,
      allocations: [],
    });
    expectProblem(again, 409, 'id');
    expectProblem(
      await admin.post(`/api/v1/bank-statement-lines/${line(1).id}/ignore`, { note: 'x' }),
      409,
      'id',
    );
  });

  it('bank fees are ignored with a note, and can be reopened', async () => {
    expectProblem(
      await admin.post(`/api/v1/bank-statement-lines/${line(5).id}/ignore`, { note: '' }),
      422,
      'note',
    );
    const res = await admin.post(`/api/v1/bank-statement-lines/${line(5).id}/ignore`, {
      note: 'Bank fees, booked monthly',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect([res.json().status, res.json().note]).toEqual(['ignored', 'Bank fees, booked monthly']);
    const view = (await admin.get(`/api/v1/bank-statements/${statement.id}`)).json();
    expect(view.progress).toEqual({ open: 1, confirmed: 3, ignored: 1 });
    const reopened = await admin.post(`/api/v1/bank-statement-lines/${line(5).id}/reopen`);
    expect([reopened.statusCode, reopened.json().status, reopened.json().note]).toEqual([200, 'open', null]);
    await admin.post(`/api/v1/bank-statement-lines/${line(5).id}/ignore`, {
      note: 'Bank fees, booked monthly',
    });
  });

  it('cancelling the payment elsewhere opens the line again, and it can be confirmed anew', async () => {
    const confirmed = (await admin.get(`/api/v1/bank-statements/${statement.id}`)).json().lines[0];
    const cancel = await admin.post(`/api/v1/payments/${confirmed.paymentId}/cancel`);
    expect(cancel.statusCode, cancel.body).toBe(200);
    const view = (await admin.get(`/api/v1/bank-statements/${statement.id}`)).json();
    expect(view.lines[0]).toMatchObject({
      status: 'open',
      paymentId: null,
      paymentNumber: null,
      cancelledPaymentId: confirmed.paymentId,
    });
    expect(view.progress).toEqual({ open: 2, confirmed: 2, ignored: 1 });
    const again = await admin.post(`/api/v1/bank-statement-lines/${confirmed.id}/confirm`, {
      counterpartyId: beta,
      allocations: [{ openItemId: item['INV-2026-00001'], amount: '1200' }],
    });
    expect(again.statusCode, again.body).toBe(200);
    expect([again.json().status, again.json().paymentNumber, again.json().cancelledPaymentId]).toEqual([
      'confirmed',
      'RCPT-2026-00003',
      null,
    ]);
  });
});

describe('a bad file answers 422 naming the place, and writes nothing', () => {
  it.each<[string, (xml: string) => string, string, number]>([
    ['an amount with a comma', (x) => x.replace('>150.50<', '>150,50<'), 'lines.1.amount', 422],
    [
      'a batch whose transactions do not add up',
      (x) => x.replace('>200.00</Amt>', '>199.00</Amt>'),
      'lines.2.amount',
      422,
    ],
    [
      'a closing balance the lines do not reach',
      (x) => x.replace('>2537.00<', '>2537.01<'),
      'closingBalance',
      422,
    ],
    ['another currency', (x) => x.replaceAll('EUR', 'USD'), 'file', 422],
    ['no closing balance', (x) => x.replace('<Cd>CLBD</Cd>', '<Cd>XXXX</Cd>'), 'file', 422],
    [
      'a debit-credit mark that is neither',
      (x) => x.replace('<CdtDbtInd>DBIT</CdtDbtInd>', '<CdtDbtInd>D</CdtDbtInd>'),
      'lines.1.amount',
      422,
    ],
    ['XML cut short', (x) => x.slice(0, 2000), 'file', 422],
    ['another kind of XML', () => '<Document><Other/></Document>', 'file', 422],
  ])('%s', async (_, change, field, status) => {
    const before = [await count('bank_statements'), await count('bank_statement_lines')];
    expectProblem(await importCamt(change(camt).replaceAll('RZB-', 'NEW-')), status, field);
    expect([await count('bank_statements'), await count('bank_statement_lines')]).toEqual(before);
  });

  it('a journal that is not a bank journal', async () => {
    expectProblem(await importCamt(camt, books.journal.GEN), 422, 'journalId');
  });
});

describe('importing a CSV export', () => {
  const mapping = {
    delimiter: ';',
    hasHeader: true,
    dateColumn: 0,
    dateFormat: 'DD.MM.YYYY',
    debitColumn: 2,
    creditColumn: 3,
    decimalSeparator: ',',
    thousandsSeparator: '.',
    referenceColumn: 1,
    counterpartyNameColumn: 4,
    counterpartyAccountColumn: 5,
  };
  const csv = [
    'Datum;Verwendungszweck;Soll;Haben;Name;IBAN',
    '01.04.2026;INV-2026-00002;;300,00;Gamma Foods GmbH;DE44 5001 0517 5407 3249 31',
    '02.04.2026;"Rent April; flat 3";1.250,00;;Landlord AG;DE02120300000000202051',
    '03.04.2026;Refund;;"1.000,5";Beta Trade OOD;',
  ].join('\n');
  const body = (extra: Record<string, unknown> = {}) => ({
    journalId: books.journal.BNK,
    format: 'csv',
    content: csv,
    openingBalance: '2537.00',
    closingBalance: '2587.50',
    ...extra,
  });

  it('reads debit and credit columns with comma decimals, checks the balances and saves the mapping', async () => {
    const res = await admin.post('/api/v1/bank-statements/import', body({ mapping, saveMapping: true }));
    expect(res.statusCode, res.body).toBe(201);
    const lines = res.json().statement.lines;
    expect(lines.map((l: any) => [l.bookingDate, l.amount, l.reference, l.counterpartyIban])).toEqual([
      ['2026-04-01', '300.0000', 'INV-2026-00002', 'DE44500105175407324931'],
      ['2026-04-02', '-1250.0000', 'Rent April; flat 3', 'DE02120300000000202051'],
      ['2026-04-03', '1000.5000', 'Refund', null],
    ]);
    const saved = await admin.get(`/api/v1/journals/${books.journal.BNK}/bank-import-mapping`);
    expect(saved.json().mapping).toEqual(mapping);
  });

  it('the saved mapping is used when none is sent; the lines are then duplicates', async () => {
    const res = await admin.post('/api/v1/bank-statements/import', body());
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toEqual({ statement: null, imported: 0, duplicates: 3 });
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['a date not in the format', { content: csv.replace('02.04.2026', '2026-04-02') }, 'lines.1.date'],
    ['an amount that is not one', { content: csv.replace('300,00', '3OO,00') }, 'lines.0.amount'],
    ['balances that do not agree', { closingBalance: '2587.51' }, 'closingBalance'],
    [
      'a mapping with no amount column',
      { mapping: { ...mapping, debitColumn: null, creditColumn: null } },
      'mapping.amountColumn',
    ],
    [
      'a mapping reading a column the rows lack',
      { mapping: { ...mapping, counterpartyAccountColumn: 9 } },
      'lines.0.amount',
    ],
    [
      'the same separator twice',
      { mapping: { ...mapping, thousandsSeparator: ',' } },
      'mapping.thousandsSeparator',
    ],
    ['an unknown date format', { mapping: { ...mapping, dateFormat: 'D-M-Y' } }, 'mapping.dateFormat'],
  ])('%s', async (_, change, field) => {
    const before = await count('bank_statement_lines');
    expectProblem(
      await admin.post('/api/v1/bank-statements/import', { ...body({ mapping }), ...change }),
      422,
      field,
    );
    expect(await count('bank_statement_lines')).toBe(before);
  });
});

describe('malformed requests answer 4xx naming the field, never 500', () => {
  it.each<[string, () => Promise<any>, number, string]>([
    [
      'no file',
      () => admin.post('/api/v1/bank-statements/import', { journalId: books.journal.BNK, format: 'camt053' }),
      422,
      'content',
    ],
    [
      'an unknown format',
      () =>
        admin.post('/api/v1/bank-statements/import', {
          journalId: books.journal.BNK,
          format: 'mt940',
          content: 'x',
        }),
      422,
      'format',
    ],
    [
      'a journal id that is not one',
      () => admin.post('/api/v1/bank-statements/import', { journalId: 'x', format: 'camt053', content: 'x' }),
      422,
      'journalId',
    ],
    [
      'a CSV with no mapping and none saved',
      () =>
        admin.post('/api/v1/bank-statements/import', {
          journalId: books.journal.GEN,
          format: 'csv',
          content: 'a;b',
        }),
      422,
      'journalId',
    ],
    ['a list without companyId', () => admin.get('/api/v1/bank-statements'), 422, 'companyId'],
    [
      'too many suggestions asked',
      () => admin.get(`/api/v1/bank-statements/${statement.id}/suggestions?limit=500`),
      422,
      'limit',
    ],
    [
      'a confirmation without counterparty',
      () => admin.post(`/api/v1/bank-statement-lines/${statement.lines[2].id}/confirm`, { allocations: [] }),
      422,
      'counterpartyId',
    ],
    [
      'an allocation amount that is not a decimal',
      () =>
        admin.post(`/api/v1/bank-statement-lines/${statement.lines[2].id}/confirm`, {
          counterpartyId: gamma,
          allocations: [{ openItemId: item['INV-2026-00002'], amount: '1,5' }],
        }),
      422,
      'allocations.0.amount',
    ],
    [
      'a mapping of another journal kind',
      () =>
        admin.put(`/api/v1/journals/${books.journal.GEN}/bank-import-mapping`, {
          mapping: {
            delimiter: ';',
            hasHeader: true,
            dateColumn: 0,
            dateFormat: 'YYYY-MM-DD',
            amountColumn: 1,
            decimalSeparator: '.',
          },
        }),
      422,
      'journalId',
    ],
  ])('%s', async (_, send, status, field) => {
    const res = await send();
    expect(res.statusCode, res.body).toBe(status);
    expect(
      res
        .json()
        .errors.map((e: any) => e.field)
        .join(' '),
      res.body,
    ).toContain(field);
  });

  it('an unknown statement or line is 404', async () => {
    const missing = '01900000-0000-7000-8000-000000000000';
    expect((await admin.get(`/api/v1/bank-statements/${missing}`)).statusCode).toBe(404);
    expect(
      (await admin.post(`/api/v1/bank-statement-lines/${missing}/ignore`, { note: 'x' })).statusCode,
    ).toBe(404);
  });
});
