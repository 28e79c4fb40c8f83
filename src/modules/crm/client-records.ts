import { sql } from 'drizzle-orm';
import { registerSearchSource, registerTimelineSource } from '../parties/client-record-sources.js';

/** What the CRM adds to the client card's timeline and to global search. */
const CRM = { module: 'crm', permission: 'crm:read' };

export function registerCrmClientRecords() {
  registerTimelineSource(
    'interaction',
    CRM,
    (clientId) => sql`
    select 'interaction' as type, i.id, i.occurs_at as at, i.subject as title, i.kind as detail, i.status,
      i.deal_id, i.responsible_user_id as user_id
    from interactions i where i.client_id = ${clientId}`,
  );
  registerTimelineSource(
    'task',
    CRM,
    (clientId) => sql`
    select 'task' as type, t.id, coalesce(t.done_at, t.created_at) as at, t.title, t.priority as detail, t.status,
      t.deal_id, t.assignee_user_id as user_id
    from tasks t where t.client_id = ${clientId}`,
  );
  registerTimelineSource(
    'stage',
    CRM,
    (clientId) => sql`
    select 'stage' as type, h.id, h.entered_at as at, d.title, s.name as detail, s.outcome as status,
      d.id as deal_id, h.entered_by as user_id
    from deal_stage_history h join deals d on d.id = h.deal_id join stages s on s.id = h.stage_id
    where d.client_id = ${clientId}`,
  );
  registerTimelineSource(
    'lead',
    CRM,
    (clientId) => sql`
    select 'lead' as type, l.id, l.created_at as at, coalesce(l.person_name, l.company_name, l.email, '') as title,
      l.message as detail, l.status, l.deal_id, l.responsible_user_id as user_id
    from leads l where l.client_id = ${clientId}`,
  );
  registerSearchSource(
    'deal',
    CRM,
    (found, text) => sql`
    select 'deal' as type, d.id, d.title, c.name as detail, d.client_id, f.score + similarity(d.title, ${text}) + 0.1 as rank
    from ${found} f join deals d on d.id = f.record_id join clients c on c.id = d.client_id`,
  );
}
