import { Type, type Static } from 'typebox';
import { Page } from './common';
import { TagRef } from './content';

const TagId = Type.String({ format: 'uuid' });

/** `all` counts every item; `regular` and `auto` split it by how the item was made. */
export const TagCountSource = Type.Union([
  Type.Literal('all'),
  Type.Literal('regular'),
  Type.Literal('auto'),
]);
export type TagCountSource = Static<typeof TagCountSource>;

export const TagSlug = Type.String({
  minLength: 1,
  maxLength: 100,
  pattern: '^[a-z0-9]+(-[a-z0-9]+)*$',
  description:
    'Lower-case words joined by single hyphens; the tag id is derived from it, so it never changes',
});
export const TagName = Type.String({ minLength: 1, maxLength: 100 });
export const TagDescription = Type.String({ maxLength: 2000 });
// Null first: the API coerces types, and with the string branch first a JSON null would become "".
const NullableDescription = Type.Union([Type.Null(), TagDescription], {
  description: 'Null (or an empty string) clears it',
});
export const TagRating = Type.Number({ minimum: 1, maximum: 5, multipleOf: 0.5, description: 'Half stars' });

export const TagIdParams = Type.Object({ id: TagId });
export const TagIdOrSlugParams = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 100, description: 'A tag id or slug' }),
});

/** A tag in lists: counts come from the daily statistics, ratings are live. */
export const Tag = Type.Object({
  id: TagId,
  slug: Type.String(),
  name: Type.String(),
  description: Type.Union([Type.String(), Type.Null()]),
  parentIds: Type.Array(TagId),
  contentCount: Type.Integer({ description: 'Items carrying the tag at the last statistics refresh' }),
  ratingAvg: Type.Union([Type.Number(), Type.Null()], { description: 'Null while nobody has rated it' }),
  ratingCount: Type.Integer(),
  createdAt: Type.String({ format: 'date-time' }),
});
export type Tag = Static<typeof Tag>;

export const TagSort = Type.Union([
  Type.Literal('name'),
  Type.Literal('-name'),
  Type.Literal('popular'),
  Type.Literal('rating'),
  Type.Literal('created'),
]);
export type TagSort = Static<typeof TagSort>;

export const TagListQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 100, description: 'Part of the name or slug (any case)' })),
  sort: Type.Optional(TagSort),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 50 })),
});
export type TagListQuery = Static<typeof TagListQuery>;

export const TagPage = Page(Tag);
export type TagPage = Static<typeof TagPage>;

export const TagHierarchyNode = Type.Object({
  id: TagId,
  slug: Type.String(),
  name: Type.String(),
  parentIds: Type.Array(TagId),
  childCount: Type.Integer(),
  contentCount: Type.Integer(),
});
export type TagHierarchyNode = Static<typeof TagHierarchyNode>;

export const TagHierarchy = Type.Object({
  nodes: Type.Array(TagHierarchyNode),
  rootIds: Type.Array(TagId, { description: 'Tags without a parent' }),
});
export type TagHierarchy = Static<typeof TagHierarchy>;

export const PopularTagsQuery = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  source: Type.Optional(TagCountSource),
});
export type PopularTagsQuery = Static<typeof PopularTagsQuery>;

export const TagWithCount = Type.Object({
  id: TagId,
  slug: Type.String(),
  name: Type.String(),
  contentCount: Type.Integer(),
});
export type TagWithCount = Static<typeof TagWithCount>;

export const PopularTags = Type.Object({
  items: Type.Array(TagWithCount),
  source: TagCountSource,
  updatedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], {
    description: 'When the statistics were last refreshed; null before the first refresh',
  }),
});
export type PopularTags = Static<typeof PopularTags>;

export const AutocompleteQuery = Type.Object({
  q: Type.String({ minLength: 1, maxLength: 100 }),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 20, default: 10 })),
});
export type AutocompleteQuery = Static<typeof AutocompleteQuery>;

export const TagSuggestions = Type.Object({ items: Type.Array(TagWithCount) });
export type TagSuggestions = Static<typeof TagSuggestions>;

export const TagCounts = Type.Object({
  all: Type.Integer(),
  regular: Type.Integer(),
  auto: Type.Integer(),
  updatedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], {
    description: 'When all/regular/auto were computed; null before the first statistics refresh',
  }),
  visible: Type.Integer({ description: 'Items you may see that carry this tag directly, counted now' }),
  visibleIsCapped: Type.Boolean({ description: 'True when `visible` stopped counting at its cap' }),
});
export type TagCounts = Static<typeof TagCounts>;

export const TagViewerState = Type.Object({
  rating: Type.Union([TagRating, Type.Null()]),
  isFavorite: Type.Boolean(),
});
export type TagViewerState = Static<typeof TagViewerState>;

/** The tag page: its place in the hierarchy, counts and ratings, and what the viewer did with it. */
export const TagDetail = Type.Object({
  id: TagId,
  slug: Type.String(),
  name: Type.String(),
  description: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
  parents: Type.Array(TagRef),
  children: Type.Array(TagRef),
  ancestorPaths: Type.Array(Type.Array(TagRef), {
    description: 'Every path from a root down to the tag itself (one per route through the parents)',
  }),
  counts: TagCounts,
  ratingAvg: Type.Union([Type.Number(), Type.Null()]),
  ratingCount: Type.Integer(),
  viewer: Type.Optional(TagViewerState),
});
export type TagDetail = Static<typeof TagDetail>;

export const TagDepthQuery = Type.Object({
  maxDepth: Type.Optional(Type.Integer({ minimum: 1, maximum: 10, description: 'Default: no limit' })),
});
export type TagDepthQuery = Static<typeof TagDepthQuery>;

export const TagAtDepth = Type.Object({
  id: TagId,
  slug: Type.String(),
  name: Type.String(),
  depth: Type.Integer({ description: 'Steps along the shortest path; 1 = a direct parent or child' }),
});
export const TagDepthList = Type.Object({ items: Type.Array(TagAtDepth) });
export type TagDepthList = Static<typeof TagDepthList>;

export const RelatedTagsQuery = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 10 })),
});
export type RelatedTagsQuery = Static<typeof RelatedTagsQuery>;

export const RelatedTag = Type.Object({
  id: TagId,
  slug: Type.String(),
  name: Type.String(),
  sharedCount: Type.Integer({ description: 'Public items carrying both tags (among the most recent ones)' }),
});
export const RelatedTags = Type.Object({ items: Type.Array(RelatedTag) });
export type RelatedTags = Static<typeof RelatedTags>;

export const TagRatingBody = Type.Object({ rating: TagRating }, { additionalProperties: false });
export type TagRatingBody = Static<typeof TagRatingBody>;

export const TagRatingResponse = Type.Object({
  rating: Type.Union([TagRating, Type.Null()]),
  ratingAvg: Type.Union([Type.Number(), Type.Null()]),
  ratingCount: Type.Integer(),
});
export type TagRatingResponse = Static<typeof TagRatingResponse>;

export const TagFavoriteResponse = Type.Object({ isFavorite: Type.Boolean() });
export type TagFavoriteResponse = Static<typeof TagFavoriteResponse>;

const ParentIds = Type.Array(TagId, { maxItems: 20, uniqueItems: true });

export const CreateTagBody = Type.Object(
  {
    name: TagName,
    slug: Type.Optional(TagSlug),
    description: Type.Optional(NullableDescription),
    parentIds: Type.Optional(ParentIds),
  },
  { additionalProperties: false },
);
export type CreateTagBody = Static<typeof CreateTagBody>;

export const UpdateTagBody = Type.Object(
  {
    name: Type.Optional(TagName),
    description: Type.Optional(NullableDescription),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateTagBody = Static<typeof UpdateTagBody>;

export const SetTagParentsBody = Type.Object({ parentIds: ParentIds }, { additionalProperties: false });
export type SetTagParentsBody = Static<typeof SetTagParentsBody>;
