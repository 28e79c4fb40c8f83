import type { SQL } from 'drizzle-orm';

/**
 * The client card shows one timeline of everything that happened with a client, and global
 * search finds records of several modules. Parties cannot know the later modules' tables, so
 * each module registers the SQL that lists its own rows here when it is defined.
 */

/** A select yielding (type, id, at, title, detail, status, deal_id, user_id) for one client. */
export type TimelineSource = (clientId: string) => SQL;

/** A select yielding (type, id, title, detail, client_id, rank) for a search text. */
export type SearchSource = (text: string, pattern: string) => SQL;

const timelineSources = new Map<string, TimelineSource>();
const searchSources = new Map<string, SearchSource>();

export function registerTimelineSource(type: string, source: TimelineSource) {
  timelineSources.set(type, source);
}

export function registerSearchSource(type: string, source: SearchSource) {
  searchSources.set(type, source);
}

export const timelineSourcesOf = (types?: string[]) =>
  [...timelineSources.entries()].filter(([type]) => !types?.length || types.includes(type)).map(([, s]) => s);

export const searchSourcesOf = () => [...searchSources.values()];
export const timelineTypes = () => [...timelineSources.keys()];
