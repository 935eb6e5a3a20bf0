// Search history (SPEC §9.4): the web app records a gallery search when the user submits it (POST), not
// the gallery route itself, which also answers every page turn, infinite-scroll fetch and refresh of the
// same search and would count those as searches. Reads group the uses by query.
import type {
  RecentSearches,
  RecentSearchesQuery,
  SearchHistoryEntry,
  SearchHistoryPage,
  SearchHistoryQuery,
} from '@genonaut/contracts';
import type { Database } from '../../db/database';
import { invalid, notFound } from '../../errors';
import type { AuthUser } from '../../plugins/auth';
import {
  countGroups,
  deleteAll,
  deleteQuery,
  findGroup,
  insertSearch,
  listGroups,
  type SearchGroupRow,
} from './search-history.repository';
import { numberedPagination } from '../../lib/numbered-page';

const toEntry = (row: SearchGroupRow): SearchHistoryEntry => ({
  query: row.query,
  count: row.count,
  lastUsedAt: row.last_used_at.toISOString(),
});

export async function recordSearch(db: Database, caller: AuthUser, raw: string): Promise<SearchHistoryEntry> {
  const query = raw.trim();
  if (query.length === 0) throw invalid('body.query', 'must not be blank');
  await insertSearch(db, caller.id, query);
  const group = await findGroup(db, caller.id, query);
  // Cleared by a concurrent "clear all" between the two statements.
  if (!group) throw notFound('Search');
  return toEntry(group);
}

export async function listHistory(
  db: Database,
  caller: AuthUser,
  params: SearchHistoryQuery,
): Promise<SearchHistoryPage> {
  const page = params.page ?? 1;
  const pageSize = params.pageSize ?? 25;
  const [rows, total] = await Promise.all([
    listGroups(db, caller.id, { limit: pageSize, offset: (page - 1) * pageSize }),
    countGroups(db, caller.id),
  ]);
  return {
    items: rows.map(toEntry),
    pagination: numberedPagination(page, pageSize, total),
  };
}

export async function recentSearches(
  db: Database,
  caller: AuthUser,
  params: RecentSearchesQuery,
): Promise<RecentSearches> {
  const prefix = params.prefix?.trim();
  const rows = await listGroups(db, caller.id, {
    limit: params.limit ?? 10,
    offset: 0,
    prefix: prefix || undefined,
  });
  return { items: rows.map(toEntry) };
}

/** Idempotent: forgetting a query that is not there leaves nothing to do. */
export function forgetQuery(db: Database, caller: AuthUser, query: string): Promise<void> {
  return deleteQuery(db, caller.id, query.trim());
}

export function clearHistory(db: Database, caller: AuthUser): Promise<void> {
  return deleteAll(db, caller.id);
}
