import type { ModuleDefinition } from '../../platform/modules/module.js';
import { registerClientMergeStep } from '../parties/merge-steps.js';
import { moveClientActivity } from './actions/move-client-activity.js';
import { registerCrmClientRecords } from './client-records.js';
import { registerDealMergeStep } from './deal-merge-step.js';
import { dealRoutes } from './deal-routes.js';
import { seedCrmDemo } from './demo-data.js';
import { interactionRoutes } from './interaction-routes.js';
import { leadRoutes } from './lead-routes.js';
import { moveLoyaltyCards } from './loyalty/card-merge-step.js';
import { expireLoyaltyPoints } from './loyalty/expire-points.js';
import { loyaltyRoutes } from './loyalty/loyalty-routes.js';
import { firstSourceRoutes } from './marketing/first-source-routes.js';
import { marketingRoutes } from './marketing/marketing-routes.js';
import { pipelineRoutes } from './pipeline-routes.js';
import { moveClientRecords } from './records-merge-step.js';
import { sendDueReminders } from './reminders.js';
import { seedDefaultPipeline } from './seed-pipeline.js';
import { refreshSegments } from './segments/refresh-segments.js';
import { segmentRoutes } from './segments/segment-routes.js';
import { sourceRoutes } from './source-routes.js';
import { escalateTickets } from './support/escalate-tickets.js';
import { ticketRoutes } from './support/ticket-routes.js';
import { taskRoutes } from './task-routes.js';
import { webFormRoutes } from './web-form-routes.js';

registerCrmClientRecords();
registerDealMergeStep();
registerClientMergeStep('crm-activity', moveClientActivity);
registerClientMergeStep('crm-records', moveClientRecords);
registerClientMergeStep('crm-loyalty', moveLoyaltyCards);

/** Leads, interactions, tasks, deals through enforced stages, sources: the sales department's day. */
export const crmModule: ModuleDefinition = {
  key: 'crm',
  title: 'CRM',
  switchable: true,
  permissions: [
    { key: 'crm:read', description: 'See leads, deals, interactions and tasks' },
    { key: 'crm:write', description: 'Work leads, deals, interactions and tasks' },
    {
      key: 'crm:manage',
      description: 'Set up pipelines, stages and their regulations, sources and web forms',
    },
  ],
  routes(api) {
    sourceRoutes(api);
    webFormRoutes(api);
    leadRoutes(api);
    pipelineRoutes(api);
    dealRoutes(api);
    interactionRoutes(api);
    taskRoutes(api);
    segmentRoutes(api);
    marketingRoutes(api);
    firstSourceRoutes(api);
    loyaltyRoutes(api);
    ticketRoutes(api);
  },
  schedules: [sendDueReminders, refreshSegments, expireLoyaltyPoints, escalateTickets],
  async seedTenant(ctx) {
    await seedDefaultPipeline(ctx);
  },
  seedDemo: seedCrmDemo,
};
