import { eq } from 'drizzle-orm';
import type { Tx } from '../../../platform/db/database.js';
import { notFound } from '../../../platform/http/problem.js';
import { webForms } from '../schema.js';

export async function lockWebForm(tx: Tx, id: string) {
  const [form] = await tx.select().from(webForms).where(eq(webForms.id, id)).for('update');
  if (!form) throw notFound('Web form', id);
  return form;
}
