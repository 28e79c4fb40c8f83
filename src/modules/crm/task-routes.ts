import { and, eq, lt } from 'drizzle-orm';
import { Type } from 'typebox';
import type { Api } from '../../platform/http/api.js';
import { textFilter } from '../../platform/http/filters.js';
import { keysetPage, listQuery, nullsLast, pageOf, whereAll } from '../../platform/http/pagination.js';
import { notFound } from '../../platform/http/problem.js';
import { Id, IdParams } from '../../platform/http/schemas.js';
import { requirePermission } from '../../platform/rbac/require-permission.js';
import {
  At,
  filteredUser,
  ListFilters,
  NewTaskFields,
  Priority,
  Task,
  TaskChanges,
  TaskStatus,
  UserFilter,
} from './actions/activity-schemas.js';
import { cancelTask } from './actions/cancel-task.js';
import { completeTask } from './actions/complete-task.js';
import { createTask } from './actions/create-task.js';
import { visibleTasks } from './actions/task-rules.js';
import { updateTask } from './actions/update-task.js';
import { tasks } from './schema.js';

const tags = ['Tasks'];

/** To-dos with an assignee and a due date; a rep sees theirs and those about their clients and leads. */
export function taskRoutes(api: Api) {
  const read = requirePermission('crm:read');

  api.get(
    '/tasks',
    {
      preHandler: read,
      schema: {
        tags,
        summary: 'List tasks, newest first',
        description: 'Sort by `dueAt` for the earliest due first; tasks with no due time come last.',
        querystring: listQuery(['createdAt', 'updatedAt', 'dueAt'], {
          ...ListFilters,
          assigneeUserId: Type.Optional(UserFilter),
          status: Type.Optional(TaskStatus),
          priority: Type.Optional(Priority),
          dueBefore: Type.Optional(At('Due before this time (tasks with no due date are left out)')),
          clientId: Type.Optional(Id),
          contactId: Type.Optional(Id),
          dealId: Type.Optional(Id),
          leadId: Type.Optional(Id),
        }),
        response: { 200: pageOf(Task) },
      },
    },
    (req) => {
      const { assigneeUserId, status, priority, dueBefore, clientId, contactId, dealId, leadId, q } =
        req.query;
      return req.read((tx) =>
        keysetPage(
          req.query,
          { createdAt: tasks.createdAt, updatedAt: tasks.updatedAt, dueAt: nullsLast(tasks.dueAt) },
          '-createdAt',
          tasks.id,
          (where, orderBy, limit) =>
            tx
              .select()
              .from(tasks)
              .where(
                whereAll([
                  where,
                  visibleTasks(req.actor),
                  assigneeUserId
                    ? eq(tasks.assigneeUserId, filteredUser(assigneeUserId, req.actor))
                    : undefined,
                  status ? eq(tasks.status, status) : undefined,
                  priority ? eq(tasks.priority, priority) : undefined,
                  dueBefore ? lt(tasks.dueAt, new Date(dueBefore)) : undefined,
                  clientId ? eq(tasks.clientId, clientId) : undefined,
                  contactId ? eq(tasks.contactId, contactId) : undefined,
                  dealId ? eq(tasks.dealId, dealId) : undefined,
                  leadId ? eq(tasks.leadId, leadId) : undefined,
                  textFilter(q, tasks.title, tasks.description),
                ]),
              )
              .orderBy(...orderBy)
              .limit(limit),
        ),
      );
    },
  );

  api.get(
    '/tasks/:id',
    { preHandler: read, schema: { tags, summary: 'One task', params: IdParams, response: { 200: Task } } },
    async (req) => {
      const [task] = await req.read((tx) =>
        tx
          .select()
          .from(tasks)
          .where(and(eq(tasks.id, req.params.id), visibleTasks(req.actor))),
      );
      if (!task) throw notFound('Task', req.params.id);
      return task;
    },
  );

  api.post(
    '/tasks',
    {
      schema: {
        tags,
        summary: 'Add a task',
        description:
          'For you unless assigneeUserId names someone else (who is notified). Link it to a client, contact, deal ' +
          'or lead; a contact or deal files it under their client. remindAt sends a reminder at that time.',
        body: Type.Object(NewTaskFields, { additionalProperties: false }),
        response: { 201: Task },
      },
    },
    async (req, reply) => reply.code(201).send(await req.run(createTask, req.body)),
  );

  api.patch(
    '/tasks/:id',
    {
      schema: {
        tags,
        summary: 'Change an open task',
        params: IdParams,
        body: Type.Partial(Type.Object(TaskChanges), { additionalProperties: false }),
        response: { 200: Task },
      },
    },
    (req) => req.run(updateTask, { ...req.body, id: req.params.id }),
  );

  for (const [verb, action, summary] of [
    ['done', completeTask, 'Mark an open task done'],
    ['cancel', cancelTask, 'Cancel an open task'],
  ] as const) {
    api.post(
      `/tasks/:id/${verb}`,
      { schema: { tags, summary, params: IdParams, response: { 200: Task } } },
      (req) => req.run(action, { id: req.params.id }),
    );
  }
}
