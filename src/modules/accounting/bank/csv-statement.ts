import { CsvError, parse } from 'csv-parse/sync';
import { Decimal } from 'decimal.js';
import { type DateFormat, parseAmount, parseDay } from '../rules/bank-values.js';
import { RuleError } from '../rules/rule-error.js';
import { MAX_STATEMENT_LINES, type ParsedLine, type ParsedStatement } from './parsed-statement.js';
import type { CsvMapping } from './schema.js';

/** The mapping must say where the amount is, one way or the other, and read numbers one way. */
export function checkCsvMapping(mapping: CsvMapping) {
  const signed = mapping.amountColumn != null;
  const split = mapping.debitColumn != null || mapping.creditColumn != null;
  if (signed === split)
    throw new RuleError(
      'mapping.amountColumn',
      'choose either one signed amount column or a debit and a credit column',
    );
  if (split && (mapping.debitColumn == null || mapping.creditColumn == null))
    throw new RuleError(
      mapping.debitColumn == null ? 'mapping.debitColumn' : 'mapping.creditColumn',
      'a debit (money out) and a credit (money in) column are both needed',
    );
  if (mapping.thousandsSeparator && mapping.thousandsSeparator === mapping.decimalSeparator)
    throw new RuleError('mapping.thousandsSeparator', 'must differ from the decimal separator');
}

const cell = (record: string[], column: number | null | undefined) => {
  if (column == null) return null;
  const value = record[column]?.trim();
  return value ? value : null;
};

/** Reads a bank's CSV export with the columns and number formats the person mapped. */
export function parseCsvStatement(content: string, mapping: CsvMapping): ParsedStatement {
  checkCsvMapping(mapping);
  let records: string[][];
  try {
    records = parse(content.replace(/^\uFEFF/, ''), {
      delimiter: mapping.delimiter,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: false,
    });
  } catch (error) {
    if (error instanceof CsvError)
      throw new RuleError(
        'file',
        `the file is not CSV with "${mapping.delimiter}" between values: ${error.message}`,
      );
    throw error;
  }
  const firstRow = mapping.hasHeader ? 2 : 1;
  const rows = mapping.hasHeader ? records.slice(1) : records;
  if (rows.length === 0) throw new RuleError('file', 'the file has no rows to import');
  if (rows.length > MAX_STATEMENT_LINES)
    throw new RuleError(
      'file',
      `the file has ${rows.length} rows; import at most ${MAX_STATEMENT_LINES} at a time`,
    );
  const width = Math.max(
    ...[
      mapping.dateColumn,
      mapping.amountColumn,
      mapping.debitColumn,
      mapping.creditColumn,
      mapping.referenceColumn,
      mapping.counterpartyNameColumn,
      mapping.counterpartyAccountColumn,
    ].map((c) => c ?? -1),
  );
  const lines = rows.map((record, i): ParsedLine => {
    const place = `row ${firstRow + i}`;
    const field = (name: string) => `lines.${i}.${name}`;
    if (record.length <= width)
      throw new RuleError(
        field('amount'),
        `${place} has ${record.length} columns; the mapping reads column ${width + 1}`,
      );
    const money = (column: number | null | undefined) => {
      const text = cell(record, column);
      return text === null
        ? new Decimal(0)
        : parseAmount(text, mapping.decimalSeparator, mapping.thousandsSeparator, field('amount'), place);
    };
    const dateText = cell(record, mapping.dateColumn);
    if (dateText === null) throw new RuleError(field('date'), `${place} has no date`);
    const amount =
      mapping.amountColumn != null
        ? money(mapping.amountColumn)
        : money(mapping.creditColumn).abs().minus(money(mapping.debitColumn).abs());
    if (amount.isZero()) throw new RuleError(field('amount'), `${place} moves no money`);
    return {
      bookingDate: parseDay(dateText, mapping.dateFormat as DateFormat, field('date'), place),
      amount: amount.toFixed(),
      reference: cell(record, mapping.referenceColumn),
      bankReference: null,
      counterpartyName: cell(record, mapping.counterpartyNameColumn),
      counterpartyIban:
        cell(record, mapping.counterpartyAccountColumn)?.replace(/\s+/g, '').toUpperCase() ?? null,
      place,
    };
  });
  return {
    statementRef: null,
    accountIban: null,
    currency: null,
    openingBalance: null,
    closingBalance: null,
    lines,
  };
}
