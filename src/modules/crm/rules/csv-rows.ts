import { CsvError, parse } from 'csv-parse/sync';

/** The columns an import of leads reads, named as a lead's fields; `source` is a source's name (or id). */
export const IMPORT_COLUMNS = ['contactName', 'clientName', 'email', 'phone', 'message', 'source'] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

/** The headers files had before leads said contactName and clientName; such files still import. */
export const COLUMN_ALIASES: Record<string, ImportColumn> = { name: 'contactName', company: 'clientName' };

const COLUMNS_BY_NAME = new Map<string, ImportColumn>([
  ...IMPORT_COLUMNS.map((column) => [column.toLowerCase(), column] as const),
  ...Object.entries(COLUMN_ALIASES),
]);

/** The column a header or a JSON key names, in any case, or undefined when it names none. */
export const columnNamed = (name: string) => COLUMNS_BY_NAME.get(name.trim().toLowerCase());

/** One row to import; `row` is its line in the file (the header is line 1), or its place in a JSON array (from 1). */
export type ImportRow = { row: number } & Partial<Record<ImportColumn, string>>;

export interface RowError {
  row: number;
  field: string;
  reason: string;
}

export type ImportRows = { ok: true; rows: ImportRow[]; errors: RowError[] } | { ok: false; reason: string };

export const MAX_IMPORT_ROWS = 5000;

const COLUMN_LIST = IMPORT_COLUMNS.join(', ');

/** Spreadsheets export `;` where the decimal mark is a comma, and tabs when copied: the header line says which. */
function delimiterOf(headerLine: string): string {
  const counts = [',', ';', '\t'].map((d) => [d, headerLine.split(d).length - 1] as const);
  const [best] = counts.sort((a, b) => b[1] - a[1]);
  return best[1] > 0 ? best[0] : ',';
}

/** Where a record starts: csv-parse counts the line it ends on, and a quoted value may span lines. */
function startLine(endLine: number, raw: string): number {
  const body = raw.replace(/^\n+/, '').replace(/\n$/, '');
  return endLine - (body.match(/\n/g)?.length ?? 0);
}

/**
 * Reads a CSV file of leads: a header naming some of the known columns, then one lead per line.
 * A file that cannot be read at all is refused whole; a row with too many values is reported by
 * its line and the rest go on.
 */
export function rowsFromCsv(text: string): ImportRows {
  const normalised = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const headerLine = normalised.split('\n').find((line) => line.trim() !== '');
  if (!headerLine)
    return { ok: false, reason: `The file is empty: its first line must name the columns (${COLUMN_LIST}).` };
  let records: { record: string[]; raw: string; info: { lines: number } }[];
  try {
    // With `info` and `raw`, each record comes as { record, raw, info }; the types only know plain records.
    records = parse(normalised, {
      delimiter: delimiterOf(headerLine),
      info: true,
      raw: true,
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
    }) as unknown as typeof records;
  } catch (error) {
    if (error instanceof CsvError)
      return { ok: false, reason: `The file is not valid CSV: ${error.message}` };
    throw error;
  }
  const [header, ...data] = records;
  const headers = header.record.map((name) => name.trim());
  const unknown = headers.filter((name) => !columnNamed(name));
  if (unknown.length)
    return {
      ok: false,
      reason: `The header names ${unknown.map((n) => `"${n}"`).join(', ')}, which this import does not read; the columns are ${COLUMN_LIST}.`,
    };
  const columns = headers.map((name) => columnNamed(name)!);
  const repeated = columns.find((column, i) => columns.indexOf(column) !== i);
  if (repeated) return { ok: false, reason: `The header names the column "${repeated}" twice.` };
  if (data.length > MAX_IMPORT_ROWS)
    return {
      ok: false,
      reason: `The file has ${data.length} rows; import at most ${MAX_IMPORT_ROWS} at a time.`,
    };

  const rows: ImportRow[] = [];
  const errors: RowError[] = [];
  for (const { record, raw, info } of data) {
    if (record.every((value) => value === '')) continue;
    const row = startLine(info.lines, raw);
    if (record.length > columns.length) {
      errors.push({
        row,
        field: 'row',
        reason: `has ${record.length} values but the header names ${columns.length} columns; quote values that contain the delimiter`,
      });
      continue;
    }
    const values: ImportRow = { row };
    columns.forEach((column, i) => {
      if (record[i]) values[column] = record[i];
    });
    rows.push(values);
  }
  return { ok: true, rows, errors };
}

/** The same rows sent as a JSON array of objects keyed by column. */
export function rowsFromJson(items: unknown[]): ImportRows {
  if (items.length > MAX_IMPORT_ROWS)
    return {
      ok: false,
      reason: `The array has ${items.length} rows; import at most ${MAX_IMPORT_ROWS} at a time.`,
    };
  const rows: ImportRow[] = [];
  const errors: RowError[] = [];
  items.forEach((item, i) => {
    const row = i + 1;
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      errors.push({ row, field: 'row', reason: `must be an object with the columns ${COLUMN_LIST}` });
      return;
    }
    const values: ImportRow = { row };
    const before = errors.length;
    for (const [key, value] of Object.entries(item)) {
      const column = columnNamed(key);
      if (!column) {
        errors.push({ row, field: key, reason: `is not a column of this import (${COLUMN_LIST})` });
      } else if (column in values) {
        errors.push({ row, field: key, reason: `repeats the column ${column}` });
      } else if (typeof value === 'string' || typeof value === 'number') {
        if (String(value).trim()) values[column] = String(value);
      } else if (value !== null) {
        errors.push({ row, field: key, reason: 'must be text' });
      }
    }
    if (errors.length === before) rows.push(values);
  });
  return { ok: true, rows, errors };
}
