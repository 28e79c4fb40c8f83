import { describe, expect, it } from 'vitest';
import { MAX_IMPORT_ROWS, rowsFromCsv, rowsFromJson } from './csv-rows.js';

describe('leads from a CSV file', () => {
  it.each([
    [
      "the lead's field names",
      'contactName,clientName,email\nAnna,Stroy OOD,anna@x.io\n',
      [{ row: 2, contactName: 'Anna', clientName: 'Stroy OOD', email: 'anna@x.io' }],
    ],
    [
      'comma-separated, with a header in any case (and the older name for contactName)',
      'Name,Email\nAnna,anna@x.io\nBob,bob@x.io\n',
      [
        { row: 2, contactName: 'Anna', email: 'anna@x.io' },
        { row: 3, contactName: 'Bob', email: 'bob@x.io' },
      ],
    ],
    [
      'semicolons, CRLF and a byte-order mark, as spreadsheets export',
      '\uFEFFname;company;phone\r\nAnna;"Stroy; OOD";+359881234567\r\n',
      [{ row: 2, contactName: 'Anna', clientName: 'Stroy; OOD', phone: '+359881234567' }],
    ],
    ['tabs', 'name\temail\nAnna\tanna@x.io', [{ row: 2, contactName: 'Anna', email: 'anna@x.io' }]],
    [
      'blank lines skipped but counted, so rows keep their line numbers',
      'name,email\n\nAnna,anna@x.io\n,\nBob,bob@x.io',
      [
        { row: 3, contactName: 'Anna', email: 'anna@x.io' },
        { row: 5, contactName: 'Bob', email: 'bob@x.io' },
      ],
    ],
    [
      'a quoted value over two lines, numbered by the line it starts on',
      'name,message,email\nAnna,"Call me\nafter 5",anna@x.io\nBob,,bob@x.io',
      [
        { row: 2, contactName: 'Anna', message: 'Call me\nafter 5', email: 'anna@x.io' },
        { row: 4, contactName: 'Bob', email: 'bob@x.io' },
      ],
    ],
    [
      'fewer values than columns',
      'name,email,phone\nAnna,anna@x.io',
      [{ row: 2, contactName: 'Anna', email: 'anna@x.io' }],
    ],
  ])('reads %s', (_case, text, rows) => {
    const result = rowsFromCsv(text);
    expect(result).toEqual({ ok: true, rows, errors: [] });
  });

  it('reports a row with more values than columns by its line, and reads the others', () => {
    const result = rowsFromCsv('name,email\nAnna,anna@x.io\nBob,Smith,bob@x.io\nCy,cy@x.io');
    expect(result.ok && result.rows.map((r) => r.row)).toEqual([2, 4]);
    expect(result.ok && result.errors).toEqual([
      { row: 3, field: 'row', reason: expect.stringContaining('3 values') },
    ]);
  });

  it.each([
    ['an empty file', '\n\n', 'empty'],
    ['an unknown column', 'name,e-mail\nAnna,a@x.io', '"e-mail"'],
    ['a column named twice', 'name,email,Email\nAnna,a,b', '"email" twice'],
    ['a column named twice by its older name', 'contactName,name\nAnna,Anna', '"contactName" twice'],
    ['an unclosed quote', 'name,email\n"Anna,a@x.io\n', 'not valid CSV'],
    ['too many rows', `name\n${'Anna\n'.repeat(MAX_IMPORT_ROWS + 1)}`, `at most ${MAX_IMPORT_ROWS}`],
  ])('refuses %s whole', (_case, text, reason) => {
    const result = rowsFromCsv(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain(reason);
  });
});

describe('leads from a JSON array', () => {
  it('numbers rows from 1 and reports wrong shapes per row', () => {
    const result = rowsFromJson([
      { name: 'Anna', email: 'anna@x.io' },
      'Bob',
      { name: 'Cy', mail: 'cy@x.io' },
      { name: 'Di', phone: 359881234567, message: null },
      { name: 'Ed', email: ['ed@x.io'] },
      { contactName: 'Flo', clientName: 'Flo Ltd', phone: '+359881234567' },
      { contactName: 'Gus', name: 'Gus', email: 'gus@x.io' },
    ]);
    expect(result).toEqual({
      ok: true,
      rows: [
        { row: 1, contactName: 'Anna', email: 'anna@x.io' },
        { row: 4, contactName: 'Di', phone: '359881234567' },
        { row: 6, contactName: 'Flo', clientName: 'Flo Ltd', phone: '+359881234567' },
      ],
      errors: [
        { row: 2, field: 'row', reason: expect.stringContaining('object') },
        { row: 3, field: 'mail', reason: expect.stringContaining('not a column') },
        { row: 5, field: 'email', reason: 'must be text' },
        { row: 7, field: 'name', reason: 'repeats the column contactName' },
      ],
    });
  });
});
