import { Type, type Static } from 'typebox';
import { Page } from './common';

const SearchText = Type.String({ minLength: 1, maxLength: 500, pattern: '\\S' });

/** One distinct query of the user's history: how often and when last it was searched. */
export const SearchHistoryEntry = Type.Object({
  query: Type.String(),
  count: Type.Integer(),
  lastUsedAt: Type.String({ format: 'date-time' }),
});
export type SearchHistoryEntry = Static<typeof SearchHistoryEntry>;

export const RecordSearchBody = Type.Object(
  { query: Type.String({ ...SearchText, description: 'The gallery `q` as searched; trimmed' }) },
  { additionalProperties: false },
);
export type RecordSearchBody = Static<typeof RecordSearchBody>;

export const SearchHistoryQuery = Type.Object({
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 25 })),
});
export type SearchHistoryQuery = Static<typeof SearchHistoryQuery>;

export const SearchHistoryPage = Page(SearchHistoryEntry);
export type SearchHistoryPage = Static<typeof SearchHistoryPage>;

export const RecentSearchesQuery = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 10 })),
  prefix: Type.Optional(
    Type.String({ maxLength: 500, description: 'Only queries starting with this text (any case)' }),
  ),
});
export type RecentSearchesQuery = Static<typeof RecentSearchesQuery>;

export const RecentSearches = Type.Object({ items: Type.Array(SearchHistoryEntry) });
export type RecentSearches = Static<typeof RecentSearches>;

export const DeleteSearchQuery = Type.Object({
  query: Type.String({ minLength: 1, maxLength: 500, description: 'Every use of exactly this query' }),
});
export type DeleteSearchQuery = Static<typeof DeleteSearchQuery>;
