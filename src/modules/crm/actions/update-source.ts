import { eq } from 'drizzle-orm';
import { Type } from 'typebox';
import { defineAction } from '../../../platform/actions/define-action.js';
import { conflict } from '../../../platform/http/problem.js';
import { Id } from '../../../platform/http/schemas.js';
import { sources } from '../schema.js';
import { SourceFields } from './activity-schemas.js';
import { lockSource, refuseSourceNameTaken } from './source-rules.js';

/** Leads, deals and interactions point at a source by id, so renaming it renames it everywhere. */
export const updateSource = defineAction({
  name: 'crm.updateSource',
  input: Type.Object(
    { id: Id, ...Type.Partial(Type.Object(SourceFields)).properties },
    { additionalProperties: false },
  ),
  permission: 'crm:manage',
  async run(ctx, { id, ...changes }) {
    const before = await lockSource(ctx.tx, id);
    if (before.archivedAt) throw conflict(`Source "${before.name}" is archived; restore it before editing.`);
    const kind = changes.kind ?? before.kind;
    const name = changes.name ?? before.name;
    if (kind !== before.kind || name !== before.name) await refuseSourceNameTaken(ctx.tx, kind, name, id);
    const [after] = await ctx.tx.update(sources).set(changes).where(eq(sources.id, id)).returning();
    ctx.audit({ entity: 'source', entityId: id, before, after });
    return after;
  },
});
