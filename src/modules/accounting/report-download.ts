import type { FastifyReply } from 'fastify';
import { csvOf, type ReportTable, xlsxOf } from './spreadsheet.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A report as a file to download: CSV or an XLSX workbook. */
export async function sendTable(reply: FastifyReply, format: 'csv' | 'xlsx', table: ReportTable) {
  const attachment = (ext: string) => `attachment; filename="${table.name}.${ext}"`;
  if (format === 'csv')
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', attachment('csv'))
      .send(csvOf(table));
  return reply
    .type(XLSX)
    .header('content-disposition', attachment('xlsx'))
    .send(await xlsxOf(table));
}

/** The lines above a spreadsheet's table: the report and company, the period, the time it was made. */
export function titleOf(report: string, company: { name: string; currency: string }, period: string) {
  const made = new Date().toISOString().slice(0, 16).replace('T', ' ');
  return [`${report}: ${company.name}`, `${period}, ${company.currency}`, `Generated ${made} UTC`];
}
