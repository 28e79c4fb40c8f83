import { eq } from 'drizzle-orm';
import type { ActionContext } from './actions/define-action.js';
import { hashPassword } from './auth/secrets.js';
import { membershipRoles, roles } from './rbac/schema.js';
import { companies, memberships, users } from './tenancy/schema.js';

/** People of the demo workspace; they log in with DEMO_USER_PASSWORD. */
export const DEMO_USERS = [
  { email: 'maria.sales@demo.tandem', name: 'Maria Petrova', role: 'sales_rep' },
  { email: 'oleg.manager@demo.tandem', name: 'Oleg Ivanov', role: 'sales_manager' },
  { email: 'anna.books@demo.tandem', name: 'Anna Georgieva', role: 'accountant' },
  { email: 'bat.warehouse@demo.tandem', name: 'Bat-Erdene Dorj', role: 'warehouse' },
];
export const DEMO_USER_PASSWORD = 'demo-password-2026';

export async function seedPlatformDemo({ tx, tenantId }: ActionContext) {
  await tx.insert(companies).values({
    tenantId,
    name: 'Demo Bulgaria EOOD',
    legalName: 'Демо България ЕООД',
    taxId: 'BG204567891',
    baseCurrency: 'BGN',
    address: { country: 'BG', city: 'Sofia', street: 'bul. Vitosha', building: '15', postcode: '1000' },
  });
  const passwordHash = await hashPassword(DEMO_USER_PASSWORD);
  for (const person of DEMO_USERS) {
    const [role] = await tx.select({ id: roles.id }).from(roles).where(eq(roles.key, person.role));
    const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, person.email));
    const user =
      existing ??
      (
        await tx.insert(users).values({ email: person.email, name: person.name, passwordHash }).returning()
      )[0];
    await tx.insert(memberships).values({ tenantId, userId: user.id }).onConflictDoNothing();
    await tx
      .insert(membershipRoles)
      .values({ tenantId, userId: user.id, roleId: role.id })
      .onConflictDoNothing();
  }
}
