import { CsvError, parse } from 'csv-parse/sync';
import { Type } from 'typebox';
import { defineAction } from '../../../platform/actions/define-action.js';
import { currencies } from '../../../platform/directories/schema.js';
import { type FieldError, invalid, invalidField } from '../../../platform/http/problem.js';
import { Id } from '../../../platform/http/schemas.js';
import { companyAccounts, companyOfPath } from '../books.js';
import { chartRecords } from '../chart-rows.js';
import { ACCOUNT_TYPES, accounts } from '../schema.js';
import type { ChartRow } from '../starter-chart.js';

const COLUMNS = ['code', 'name', 'type', 'parent_code', 'currency', 'reconcilable'];
const OPTIONAL = ['parent_code', 'currency', 'reconcilable', 'is_group'];
const YES = new Set(['true', 'yes', '1', 'y']);
const NO = new Set(['false', 'no', '0', 'n', '']);
const MAX_ROWS = 5000;

/**
 * A chart from CSV (`code,name,type,parent_code,currency,reconcilable`, optionally `is_group`).
 * An account named as another's parent becomes a group. Every row is checked against the file
 * and the company's accounts, and nothing is written unless all of them are right: a chart half
 * imported would be harder to fix than one not imported.
 */
export const importChart = defineAction({
  name: 'accounting.importChart',
  input: Type.Object(
    { companyId: Id, csv: Type.String({ minLength: 1, maxLength: 900_000 }) },
    { additionalProperties: false },
  ),
  permission: 'accounting:manage',
  async run(ctx, { companyId, csv }) {
    await companyOfPath(ctx.tx, companyId);
    let records: Record<string, string>[];
    try {
      records = parse(csv.replace(/^\uFEFF/, ''), {
        columns: (h: string[]) => h.map((c) => c.trim().toLowerCase()),
        skip_empty_lines: true,
        trim: true,
      });
    } catch (error) {
      if (error instanceof CsvError) throw invalidField('csv', `is not valid CSV: ${error.message}`);
      throw error;
    }
    const header = records.length ? Object.keys(records[0]) : [];
    const missing = COLUMNS.filter((c) => !OPTIONAL.includes(c) && !header.includes(c));
    if (missing.length)
      throw invalidField(
        'csv',
        `the header must name the columns ${COLUMNS.join(',')}; missing ${missing.join(', ')}`,
      );
    if (records.length > MAX_ROWS)
      throw invalidField('csv', `has ${records.length} rows; import at most ${MAX_ROWS}`);

    const existing = await companyAccounts(ctx.tx, companyId);
    const existingByCode = new Map(existing.map((a) => [a.code, a]));
    const listed = new Set(
      (await ctx.tx.select({ code: currencies.code }).from(currencies)).map((c) => c.code),
    );
    const rowsByCode = new Map<string, { row: ChartRow; line: number }>();
    const parentCodes = new Set(records.map((r) => r.parent_code).filter(Boolean));
    const errors: FieldError[] = [];
    const rows: ChartRow[] = [];

    records.forEach((r, i) => {
      const line = i + 2;
      const at = (column: string) => `rows.${line}.${column}`;
      const before = errors.length;
      if (!r.code) errors.push({ field: at('code'), reason: 'is required' });
      else if (rowsByCode.has(r.code))
        errors.push({
          field: at('code'),
          reason: `${r.code} is also on line ${rowsByCode.get(r.code)!.line}`,
        });
      else if (existingByCode.has(r.code))
        errors.push({ field: at('code'), reason: `the company already has account ${r.code}` });
      if (!r.name) errors.push({ field: at('name'), reason: 'is required' });
      if (!(ACCOUNT_TYPES as readonly string[]).includes(r.type))
        errors.push({
          field: at('type'),
          reason: `must be one of ${ACCOUNT_TYPES.join(', ')}, not "${r.type ?? ''}"`,
        });
      if (r.currency && !listed.has(r.currency.toUpperCase()))
        errors.push({ field: at('currency'), reason: `${r.currency} is not in the currency list` });
      for (const flag of ['reconcilable', 'is_group'])
        if (r[flag] !== undefined && !YES.has(r[flag].toLowerCase()) && !NO.has(r[flag].toLowerCase()))
          errors.push({ field: at(flag), reason: `must be yes or no, not "${r[flag]}"` });
      const row: ChartRow = {
        code: r.code,
        name: r.name,
        type: r.type as ChartRow['type'],
        parentCode: r.parent_code || undefined,
        isGroup: parentCodes.has(r.code) || YES.has((r.is_group ?? '').toLowerCase()),
        reconcilable: YES.has((r.reconcilable ?? '').toLowerCase()),
        currency: r.currency ? r.currency.toUpperCase() : null,
      };
      if (r.code && !rowsByCode.has(r.code)) rowsByCode.set(r.code, { row, line });
      if (errors.length === before) rows.push(row);
    });

    // Parents: a row of the file or an account the company has, a group of the same type, no loops.
    for (const { row, line } of rowsByCode.values()) {
      if (!row.parentCode) continue;
      const field = `rows.${line}.parent_code`;
      const inFile = rowsByCode.get(row.parentCode)?.row;
      const inBooks = existingByCode.get(row.parentCode);
      const parent = inFile ?? inBooks;
      if (!parent) {
        errors.push({ field, reason: `${row.parentCode} is neither in the file nor in the chart` });
        continue;
      }
      if (inBooks && !inBooks.isGroup)
        errors.push({ field, reason: `account ${row.parentCode} of the chart is not a group` });
      if (parent.type !== row.type)
        errors.push({
          field,
          reason: `${row.parentCode} is of type ${parent.type}; an account of type ${row.type} cannot sit under it`,
        });
      const seen = new Set([row.code]);
      for (let up: ChartRow | undefined = inFile; up?.parentCode; up = rowsByCode.get(up.parentCode)?.row) {
        if (seen.has(up.code)) {
          errors.push({ field, reason: `the parents of ${row.code} go round in a loop` });
          break;
        }
        seen.add(up.code);
      }
    }
    if (errors.length)
      throw invalid(
        errors,
        `Nothing was imported: ${errors.length} problem(s) in the file. ${errors
          .slice(0, 5)
          .map((e) => `${e.field}: ${e.reason}`)
          .join('; ')}`,
      );
    if (rows.length === 0) throw invalidField('csv', 'has no accounts under its header');

    const created = await ctx.tx
      .insert(accounts)
      .values(chartRecords(rows, { tenantId: ctx.tenantId, companyId }, existing))
      .returning();
    ctx.audit({ entity: 'chartOfAccounts', entityId: companyId, after: { imported: created.length } });
    return { imported: created.length, accounts: created.sort((a, b) => a.code.localeCompare(b.code)) };
  },
});
