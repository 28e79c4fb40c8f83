import type { ActionContext } from '../actions/define-action.js';
import { notifications } from './schema.js';

export interface NotificationInput {
  userId: string;
  /** What it is about, in code form, for the web app's icon and filter: `crm.taskReminder`. */
  kind: string;
  title: string;
  body?: string | null;
  /** Where the web app opens it, e.g. `/crm/tasks/<id>`. */
  link?: string | null;
}

/** Matches no user: the system, which acts for nobody, has an empty inbox. */
export const NO_USER = '00000000-0000-0000-0000-000000000000';

const TITLE_LENGTH = 200;
const BODY_LENGTH = 2000;

const clip = (text: string, length: number) =>
  text.length > length ? `${text.slice(0, length - 1)}…` : text;

/**
 * Puts a notification in a person's inbox, in the caller's transaction: it appears if and only
 * if the change that caused it commits. Jobs that work under `inTenant` pass their `tx` and
 * tenant in the same shape.
 */
export async function notify(ctx: Pick<ActionContext, 'tx' | 'tenantId'>, ...items: NotificationInput[]) {
  if (items.length === 0) return;
  // Stamped here, to the millisecond: list cursors carry milliseconds, and now() on PostgreSQL has
  // microseconds, so a page would skip rows made in the same millisecond.
  const createdAt = new Date();
  await ctx.tx.insert(notifications).values(
    items.map((n) => ({
      tenantId: ctx.tenantId,
      createdAt,
      userId: n.userId,
      kind: n.kind,
      title: clip(n.title, TITLE_LENGTH),
      body: n.body ? clip(n.body, BODY_LENGTH) : null,
      link: n.link ?? null,
    })),
  );
}
