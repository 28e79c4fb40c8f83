import type { SQL } from 'drizzle-orm';
import type { Actor } from '../../platform/actions/actor.js';
import { can } from '../../platform/actions/actor.js';

/**
 * The client card shows one timeline of everything that happened with a client, and global
 * search finds records of several modules. Parties cannot know the later modules' tables, so
 * each module registers the SQL that lists its own rows here when it is defined.
 */

/** A select yielding (type, id, at, title, detail, status, deal_id, user_id) for one client. */
export type TimelineSource = (clientId: string) => SQL;

/** A select yielding (type, id, title, detail, client_id, rank) for a search text. */
export type SearchSource = (text: string, pattern: string) => SQL;

/** Whose records: they drop out when the module is switched off or the reader lacks the permission. */
export interface SourceOwner {
  module: string;
  permission: string;
}

const timelineSources = new Map<string, { owner: SourceOwner; source: TimelineSource }>();
const searchSources = new Map<string, { owner: SourceOwner; source: SearchSource }>();

export function registerTimelineSource(type: string, owner: SourceOwner, source: TimelineSource) {
  timelineSources.set(type, { owner, source });
}

export function registerSearchSource(type: string, owner: SourceOwner, source: SearchSource) {
  searchSources.set(type, { owner, source });
}

/** What a reader may see now. */
export interface Reader {
  actor: Actor;
  modulesOff: ReadonlySet<string>;
}

const readable = (reader: Reader, owner: SourceOwner) =>
  !reader.modulesOff.has(owner.module) && can(reader.actor, owner.permission);

export const timelineSourcesOf = (reader: Reader, types?: string[]) =>
  [...timelineSources.entries()]
    .filter(([type, s]) => readable(reader, s.owner) && (!types?.length || types.includes(type)))
    .map(([, s]) => s.source);

export const searchSourcesOf = (reader: Reader) =>
  [...searchSources.values()].filter((s) => readable(reader, s.owner)).map((s) => s.source);
export const timelineTypes = (reader: Reader) =>
  [...timelineSources.entries()].filter(([, s]) => readable(reader, s.owner)).map(([type]) => type);
