import { Type, type Static } from 'typebox';
import { Page } from './common';

export const Role = Type.Union([Type.Literal('user'), Type.Literal('admin')]);
export type Role = Static<typeof Role>;

export const Username = Type.String({
  minLength: 3,
  maxLength: 50,
  pattern: '^[A-Za-z0-9_-]+$',
  description: '3–50 letters, digits, `_` or `-`; unique regardless of case',
});
export const Email = Type.String({ minLength: 3, maxLength: 254, format: 'email' });
export const DisplayName = Type.String({ minLength: 1, maxLength: 100 });
export const Preferences = Type.Record(Type.String(), Type.Unknown(), {
  description: 'Free-form settings of the web app (theme, sidebar, notification settings, …)',
});

/**
 * A user as others see them; `email`, `role`, `isActive` and `preferences` are present only for the
 * user themself and for admins.
 */
export const UserProfile = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    username: Type.String(),
    displayName: Type.Union([Type.String(), Type.Null()]),
    createdAt: Type.String({ format: 'date-time' }),
    email: Type.Optional(Type.String()),
    role: Type.Optional(Role),
    isActive: Type.Optional(Type.Boolean()),
    preferences: Type.Optional(Preferences),
  },
  { $id: 'UserProfile' },
);
export type UserProfile = Static<typeof UserProfile>;

/** The signed-in user: every field present. */
export const CurrentUser = Type.Object({
  id: Type.String({ format: 'uuid' }),
  username: Type.String(),
  displayName: Type.Union([Type.String(), Type.Null()]),
  email: Type.String(),
  role: Role,
  isActive: Type.Boolean(),
  preferences: Preferences,
  createdAt: Type.String({ format: 'date-time' }),
});
export type CurrentUser = Static<typeof CurrentUser>;

export const UserResponse = Type.Object({ user: CurrentUser });
export type UserResponse = Static<typeof UserResponse>;

export const UpdateMeBody = Type.Object(
  {
    displayName: Type.Optional(Type.Union([DisplayName, Type.Null()])),
    email: Type.Optional(Email),
    preferences: Type.Optional(Preferences),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateMeBody = Static<typeof UpdateMeBody>;

export const UserStats = Type.Object({
  contentCount: Type.Integer(),
  regularCount: Type.Integer(),
  autoCount: Type.Integer(),
  ratingsGiven: Type.Integer(),
  averageRatingReceived: Type.Union([Type.Number(), Type.Null()]),
  bookmarksReceived: Type.Integer(),
  generationJobs: Type.Optional(Type.Integer({ description: 'Only for the user themself and admins' })),
});
export type UserStats = Static<typeof UserStats>;

export const FavoriteTag = Type.Object({
  id: Type.String({ format: 'uuid' }),
  slug: Type.String(),
  name: Type.String(),
  addedAt: Type.String({ format: 'date-time' }),
});
export const FavoriteTagList = Type.Object({ items: Type.Array(FavoriteTag) });
export type FavoriteTagList = Static<typeof FavoriteTagList>;

export const AdminUserQuery = Type.Object({
  q: Type.Optional(
    Type.String({ maxLength: 100, description: 'Part of the username, display name or email' }),
  ),
  role: Type.Optional(Role),
  isActive: Type.Optional(Type.Boolean()),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
});
export type AdminUserQuery = Static<typeof AdminUserQuery>;

export const AdminUserPage = Page(CurrentUser);
export type AdminUserPage = Static<typeof AdminUserPage>;

export const AdminUpdateUserBody = Type.Object(
  { role: Type.Optional(Role), isActive: Type.Optional(Type.Boolean()) },
  { additionalProperties: false, minProperties: 1 },
);
export type AdminUpdateUserBody = Static<typeof AdminUpdateUserBody>;

export const UserIdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
