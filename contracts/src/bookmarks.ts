import { Type, type Static, type TSchema } from 'typebox';
import { Page, Pagination } from './common';
import { ContentSummary, CreatorRef } from './content';

const Uuid = Type.String({ format: 'uuid' });
const ContentId = Type.Integer({ minimum: 1, maximum: 9_007_199_254_740_991 });
// Null first: the API coerces types, and with the string branch first a JSON null would become "".
const nullable = <T extends TSchema>(schema: T, description: string) =>
  Type.Union([Type.Null(), schema], { description });

export const CategoryName = Type.String({ minLength: 1, maxLength: 100, pattern: '\\S' });
const CategoryDescription = Type.String({ maxLength: 1000 });
const CategoryColor = Type.String({ pattern: '^#[0-9A-Fa-f]{6}$', description: '`#RRGGBB`' });
const CategoryIcon = Type.String({ minLength: 1, maxLength: 50, description: 'An icon name of the web app' });
const SortIndex = Type.Integer({ minimum: -1_000_000, maximum: 1_000_000 });
export const ShareToken = Type.String({ pattern: '^[A-Za-z0-9_-]{16,64}$' });

/** A bookmark category ("folder") of the signed-in user. */
export const BookmarkCategory = Type.Object({
  id: Uuid,
  name: Type.String(),
  description: Type.Union([Type.String(), Type.Null()]),
  color: Type.Union([Type.String(), Type.Null()]),
  icon: Type.Union([Type.String(), Type.Null()]),
  coverContentId: Type.Union([Type.Integer(), Type.Null()]),
  parentId: Type.Union([Uuid, Type.Null()]),
  sortIndex: Type.Integer(),
  isPublic: Type.Boolean(),
  shareToken: Type.Union([Type.String(), Type.Null()], {
    description: 'Set exactly while the category is public; the share link is /shared/categories/{token}',
  }),
  isDefault: Type.Boolean({ description: 'The one "Uncategorized" category; it cannot be deleted' }),
  bookmarkCount: Type.Integer(),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
});
export type BookmarkCategory = Static<typeof BookmarkCategory>;

export const BookmarkCategoryList = Type.Object({ items: Type.Array(BookmarkCategory) });
export type BookmarkCategoryList = Static<typeof BookmarkCategoryList>;

export const CreateCategoryBody = Type.Object(
  {
    name: CategoryName,
    description: Type.Optional(nullable(CategoryDescription, 'Null clears it')),
    color: Type.Optional(nullable(CategoryColor, 'Null clears it')),
    icon: Type.Optional(nullable(CategoryIcon, 'Null clears it')),
    coverContentId: Type.Optional(nullable(ContentId, 'An item you may see; null clears it')),
    parentId: Type.Optional(nullable(Uuid, 'One of your categories; null makes it top-level')),
    sortIndex: Type.Optional(SortIndex),
    isPublic: Type.Optional(Type.Boolean({ description: 'Public categories get a share link' })),
  },
  { additionalProperties: false },
);
export type CreateCategoryBody = Static<typeof CreateCategoryBody>;

export const UpdateCategoryBody = Type.Object(
  {
    name: Type.Optional(CategoryName),
    description: Type.Optional(nullable(CategoryDescription, 'Null clears it')),
    color: Type.Optional(nullable(CategoryColor, 'Null clears it')),
    icon: Type.Optional(nullable(CategoryIcon, 'Null clears it')),
    coverContentId: Type.Optional(nullable(ContentId, 'An item you may see; null clears it')),
    parentId: Type.Optional(nullable(Uuid, 'One of your categories; null makes it top-level')),
    sortIndex: Type.Optional(SortIndex),
    isPublic: Type.Optional(
      Type.Boolean({ description: 'Making it private revokes the share link; public again gets a new one' }),
    ),
    rotateShareToken: Type.Optional(
      Type.Boolean({ description: 'true: replace the share link of a public category (the old one stops)' }),
    ),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateCategoryBody = Static<typeof UpdateCategoryBody>;

export const CategoryIdParams = Type.Object({ id: Uuid });

export const DeleteCategoryQuery = Type.Object({
  moveTo: Type.Optional(
    Type.String({ format: 'uuid', description: 'Where its bookmarks go (default: Uncategorized)' }),
  ),
  deleteBookmarks: Type.Optional(
    Type.Boolean({ description: 'true: delete the bookmarks filed only in this category instead' }),
  ),
});
export type DeleteCategoryQuery = Static<typeof DeleteCategoryQuery>;

/** A bookmark with the card of its item. */
export const Bookmark = Type.Object({
  id: Uuid,
  contentId: Type.Integer(),
  note: Type.Union([Type.String(), Type.Null()]),
  pinned: Type.Boolean(),
  categoryIds: Type.Array(Uuid),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
  content: ContentSummary,
});
export type Bookmark = Static<typeof Bookmark>;

export const BookmarkPage = Page(Bookmark);
export type BookmarkPage = Static<typeof BookmarkPage>;

const CategoryIds = Type.Array(Uuid, { maxItems: 50, uniqueItems: true });

export const CreateBookmarkBody = Type.Object(
  {
    contentId: ContentId,
    note: Type.Optional(nullable(Type.String({ maxLength: 5000 }), 'A note for yourself')),
    pinned: Type.Optional(Type.Boolean()),
    categoryIds: Type.Optional(CategoryIds),
  },
  { additionalProperties: false },
);
export type CreateBookmarkBody = Static<typeof CreateBookmarkBody>;

export const UpdateBookmarkBody = Type.Object(
  {
    note: Type.Optional(nullable(Type.String({ maxLength: 5000 }), 'Null clears it')),
    pinned: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateBookmarkBody = Static<typeof UpdateBookmarkBody>;

export const SetBookmarkCategoriesBody = Type.Object(
  {
    categoryIds: Type.Array(Uuid, {
      maxItems: 50,
      uniqueItems: true,
      description: 'The whole new set (move = the other one, copy = both); [] files it in Uncategorized',
    }),
  },
  { additionalProperties: false },
);
export type SetBookmarkCategoriesBody = Static<typeof SetBookmarkCategoriesBody>;

export const BookmarkIdParams = Type.Object({ id: Uuid });

export const BookmarkSort = Type.Union(
  [
    Type.Literal('rating_then_added'),
    Type.Literal('rating'),
    Type.Literal('quality'),
    Type.Literal('added'),
    Type.Literal('created'),
    Type.Literal('title'),
  ],
  { description: 'Pinned bookmarks always come first' },
);
export type BookmarkSort = Static<typeof BookmarkSort>;

export const BookmarkListQuery = Type.Object({
  sort: Type.Optional(BookmarkSort),
  order: Type.Optional(
    Type.Union([Type.Literal('desc'), Type.Literal('asc')], {
      description: 'Default desc (title: asc)',
    }),
  ),
  contentId: Type.Optional(ContentId),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 25 })),
});
export type BookmarkListQuery = Static<typeof BookmarkListQuery>;

export const SharedCategoryParams = Type.Object({ shareToken: ShareToken });

export const SharedCategoryQuery = Type.Object({
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 25 })),
});
export type SharedCategoryQuery = Static<typeof SharedCategoryQuery>;

/** A public category as anyone with its link sees it: only public items, no notes. */
export const SharedCategory = Type.Object({
  category: Type.Object({
    name: Type.String(),
    description: Type.Union([Type.String(), Type.Null()]),
    color: Type.Union([Type.String(), Type.Null()]),
    icon: Type.Union([Type.String(), Type.Null()]),
    coverContentId: Type.Union([Type.Integer(), Type.Null()]),
    owner: CreatorRef,
    updatedAt: Type.String({ format: 'date-time' }),
  }),
  items: Type.Array(ContentSummary),
  pagination: Pagination,
});
export type SharedCategory = Static<typeof SharedCategory>;
