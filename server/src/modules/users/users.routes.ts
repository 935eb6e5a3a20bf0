import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import {
  AdminUpdateUserBody,
  AdminUserPage,
  AdminUserQuery,
  CurrentUser,
  errorResponses,
  FavoriteTagList,
  UpdateMeBody,
  UserIdParams,
  UserProfile,
  UserStats,
} from '@genonaut/contracts';
import { callerOf } from '../../plugins/auth';
import {
  adminListUsers,
  adminUpdateUser,
  getFavoriteTags,
  getProfile,
  getUserStats,
  updateMe,
} from './users.service';

export const usersRoutes: FastifyPluginCallbackTypebox = (app, _opts, done) => {
  const tags = ['Users'];

  app.patch(
    '/users/me',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Update your display name, email or preferences (merged)',
        body: UpdateMeBody,
        response: { 200: CurrentUser, ...errorResponses(400, 401, 403, 409) },
      },
    },
    (request) => updateMe(app.db, callerOf(request), request.body),
  );

  app.get(
    '/users/me/favorite-tags',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Your favourite tags',
        response: { 200: FavoriteTagList, ...errorResponses(401) },
      },
    },
    (request) => getFavoriteTags(app.db, callerOf(request)),
  );

  app.get(
    '/users/:id',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'A user profile (email, role and preferences only for yourself and admins)',
        params: UserIdParams,
        response: { 200: UserProfile, ...errorResponses(400, 404) },
      },
    },
    (request) => getProfile(app.db, request.user, request.params.id),
  );

  app.get(
    '/users/:id/stats',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Counts of a user’s content and activity (private items count only for yourself and admins)',
        params: UserIdParams,
        response: { 200: UserStats, ...errorResponses(400, 404) },
      },
    },
    (request) => getUserStats(app.db, request.user, request.params.id),
  );

  app.get(
    '/admin/users',
    {
      config: { access: 'admin' },
      schema: {
        tags: ['Admin'],
        summary: 'All users, filtered and paged',
        querystring: AdminUserQuery,
        response: { 200: AdminUserPage, ...errorResponses(400, 401, 403) },
      },
    },
    (request) => adminListUsers(app.db, request.query),
  );

  app.patch(
    '/admin/users/:id',
    {
      config: { access: 'admin' },
      schema: {
        tags: ['Admin'],
        summary: 'Change a user’s role or deactivate them (deactivation ends their sessions and tokens)',
        params: UserIdParams,
        body: AdminUpdateUserBody,
        response: { 200: CurrentUser, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      try {
        return await adminUpdateUser(
          { db: app.db, sessions: app.sessions },
          callerOf(request),
          request.params.id,
          request.body,
          request.ip,
        );
      } finally {
        app.callers.changed();
      }
    },
  );

  done();
};
