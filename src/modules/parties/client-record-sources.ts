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

/**
 * A select yielding (type, id, title, detail, client_id, rank) for the records of one type that
 * a search found: `found` is a relation (record_id, score) of them, score 3 for a whole word,
 * 2 for the beginning of a word, 1 for a fragment inside one.
 */
export type SearchSource = (found: SQL, text: string) => SQL;

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

/** The record types a reader may find, as `search_terms.record_type`, with their sources. */
export const searchSourcesOf = (reader: Reader) =>
  [...searchSources.entries()]
    .filter(([, s]) => readable(reader, s.owner))
    .map(([type, s]) => ({ type, source: s.source }));
export const timelineTypes = (reader: Reader) =>
  [...timelineSources.entries()].filter(([, s]) => readable(reader, s.owner)).map(([type]) => type);
