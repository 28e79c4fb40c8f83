import ExcelJS from 'exceljs';

/**
 * A cell of a report table: text, a whole number, an amount (kept as its exact decimal string
 * until the spreadsheet needs a number) or a calendar day.
 */
export type Cell = string | number | null | { amount: string } | { day: string };

export interface TableRow {
  cells: Cell[];
  /** A group of the chart or a total: bold. */
  bold?: boolean;
  /** Depth in the chart's tree, shown as indentation of the name. */
  level?: number;
}

/** A report as a table, for CSV and XLSX alike. */
export interface ReportTable {
  /** The file name without extension, and the sheet's name. */
  name: string;
  /** Lines above the table in a spreadsheet: what, whose, for when, made when. */
  title: string[];
  header: string[];
  rows: TableRow[];
  /** Decimal places of the amounts. */
  precision: number;
  /** The column indented by a row's level (the name). */
  nameColumn?: number;
}

const amountFormat = (precision: number) => (precision > 0 ? `#,##0.${'0'.repeat(precision)}` : '#,##0');

function cellValueOf(cell: Cell): ExcelJS.CellValue {
  if (cell === null || typeof cell === 'string' || typeof cell === 'number') return cell;
  // The exact decimal becomes a binary number only here, so the sheet sums it like any number.
  if ('amount' in cell) return Number(cell.amount);
  const [y, m, d] = cell.day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

/**
 * The table as an XLSX workbook of one sheet: the title lines, then the header (frozen, so it
 * stays in view while scrolling), then the rows; amounts numeric with the currency's places.
 */
export async function xlsxOf(table: ReportTable): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Tandem';
  const sheet = workbook.addWorksheet(table.name.slice(0, 31));
  table.title.forEach((text, i) => {
    const row = sheet.addRow([text]);
    row.font = { bold: i === 0, size: i === 0 ? 14 : 11 };
  });
  sheet.addRow([]);
  const header = sheet.addRow(table.header);
  header.font = { bold: true };
  header.eachCell((c) => {
    c.border = { bottom: { style: 'thin' } };
  });
  sheet.views = [{ state: 'frozen', ySplit: header.number, xSplit: 0 }];
  const format = amountFormat(table.precision);
  for (const source of table.rows) {
    const row = sheet.addRow(source.cells.map(cellValueOf));
    if (source.bold) row.font = { bold: true };
    source.cells.forEach((cell, i) => {
      if (cell === null || typeof cell !== 'object') return;
      const target = row.getCell(i + 1);
      if ('amount' in cell) target.numFmt = format;
      else target.numFmt = 'yyyy-mm-dd';
    });
    if (table.nameColumn !== undefined && source.level)
      row.getCell(table.nameColumn + 1).alignment = { indent: source.level };
  }
  sheet.columns.forEach((column, i) => {
    let widest = table.header[i]?.length ?? 0;
    for (const r of table.rows) {
      const cell = r.cells[i];
      const text = cell !== null && typeof cell === 'object' ? '0,000,000.00' : String(cell ?? '');
      widest = Math.max(widest, text.length + (i === table.nameColumn ? (r.level ?? 0) * 2 : 0));
    }
    column.width = Math.min(60, Math.max(10, widest + 2));
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const csvCell = (cell: Cell) => {
  const text =
    cell === null
      ? ''
      : typeof cell === 'object'
        ? 'amount' in cell
          ? cell.amount
          : cell.day
        : String(cell);
  return /[",\n;]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

/** The table as CSV: the header and the rows, amounts exactly as the API gives them. */
export function csvOf(table: ReportTable) {
  const lines = [
    table.header.map(csvCell).join(','),
    ...table.rows.map((r) => r.cells.map(csvCell).join(',')),
  ];
  return `${lines.join('\n')}\n`;
}
