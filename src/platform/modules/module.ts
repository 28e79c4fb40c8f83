import type { ActionContext } from '../actions/define-action.js';
import type { Api } from '../http/api.js';
import type { Platform } from '../platform.js';
import type { PermissionInfo } from '../rbac/permissions.js';

/** An outbox event as a subscriber receives it, after the action that wrote it committed. */
export interface DeliveredEvent {
  id: string;
  tenantId: string;
  type: string;
  payload: Record<string, unknown>;
  actorUserId: string | null;
  createdAt: string;
}

export interface Subscriber {
  /** Unique across Tandem: it names the job queue. */
  name: string;
  events: string[];
  handle(event: DeliveredEvent): Promise<void>;
}

export interface ScheduledJob {
  name: string;
  /** Five-field cron, in UTC. */
  cron: string;
  run(platform: Platform): Promise<void>;
}

/**
 * What a module brings to Tandem. The platform knows modules only through this shape; the
 * app's entry file lists them in dependency order.
 */
export interface ModuleDefinition {
  key: string;
  /** English name; the web app shows its own translation by key. */
  title: string;
  /** Platform pieces every tenant needs cannot be switched off. */
  switchable: boolean;
  permissions: PermissionInfo[];
  /** Registers HTTP routes under /api/v1; a switched-off module's routes answer 404. */
  routes?(api: Api): void;
  subscribers?: Subscriber[];
  schedules?: ScheduledJob[];
  /** Defaults a new tenant starts with (reference lists, numbering series...). */
  seedTenant?(ctx: ActionContext): Promise<void>;
  /** Demo records for the demo tenant `npm start` makes on a fresh database. */
  seedDemo?(ctx: ActionContext): Promise<void>;
}
