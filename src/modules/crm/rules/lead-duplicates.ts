/** A row of an import after its intake was normalised (emails lower-cased, phones in E.164). */
export interface ContactPoints {
  row: number;
  email: string | null;
  phone: string | null;
}

/** An open lead already in the workspace. */
export interface OpenLead {
  id: string;
  email: string | null;
  phone: string | null;
}

export interface Duplicate {
  row: number;
  field: 'email' | 'phone';
  value: string;
  /** The open lead it repeats. */
  leadId?: string;
  /** The earlier row of the same import it repeats. */
  sameAsRow?: number;
}

/**
 * Rows that repeat an open lead, or an earlier row of the same import, by email or phone. Each
 * duplicate row is reported once, by the first field that matches (email before phone); the
 * first of several equal rows is kept.
 */
export function findDuplicates(rows: ContactPoints[], open: OpenLead[]): Duplicate[] {
  const leadBy = { email: new Map<string, string>(), phone: new Map<string, string>() };
  for (const lead of open) {
    if (lead.email && !leadBy.email.has(lead.email)) leadBy.email.set(lead.email, lead.id);
    if (lead.phone && !leadBy.phone.has(lead.phone)) leadBy.phone.set(lead.phone, lead.id);
  }
  const rowBy = { email: new Map<string, number>(), phone: new Map<string, number>() };
  const duplicates: Duplicate[] = [];
  for (const row of rows) {
    const found = (['email', 'phone'] as const)
      .map((field): Duplicate | undefined => {
        const value = row[field];
        if (!value) return undefined;
        const leadId = leadBy[field].get(value);
        if (leadId) return { row: row.row, field, value, leadId };
        const sameAsRow = rowBy[field].get(value);
        if (sameAsRow !== undefined) return { row: row.row, field, value, sameAsRow };
        return undefined;
      })
      .find(Boolean);
    if (found) {
      duplicates.push(found);
      continue;
    }
    if (row.email) rowBy.email.set(row.email, row.row);
    if (row.phone) rowBy.phone.set(row.phone, row.row);
  }
  return duplicates;
}
