import { getTableColumns } from 'drizzle-orm';
import { leads } from '../schema.js';

/**
 * The leads table keeps its first column names (`person_name`, `company_name`); the API names
 * them after the records a lead becomes, as contacts and clients are named everywhere else.
 */
const { personName, companyName, ...sameNamed } = getTableColumns(leads);

/** A lead as the API shows it: select or return these. */
export const leadFields = { ...sameNamed, contactName: personName, clientName: companyName };

/** A lead's names as the table stores them. */
export function leadColumns<T extends { contactName?: string | null; clientName?: string | null }>({
  contactName,
  clientName,
  ...rest
}: T) {
  return { ...rest, personName: contactName, companyName: clientName };
}
