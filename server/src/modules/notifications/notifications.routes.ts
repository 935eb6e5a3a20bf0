// The signed-in user's notifications and their per-type settings. Creation happens elsewhere (job events,
// recommendations, system messages) through notifications.service.
import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import {
  errorResponses,
  NoContent,
  Notification,
  NotificationIdParams,
  NotificationListQuery,
  NotificationPage,
  NotificationSettings,
  ReadAllResponse,
  UnreadCount,
  UpdateNotificationSettingsBody,
} from '@genonaut/contracts';
import { callerOf } from '../../plugins/auth';
import {
  deleteNotification,
  getNotificationSettings,
  getUnreadCount,
  listNotifications,
  markAllRead,
  markRead,
  updateNotificationSettings,
  type NotificationDeps,
} from './notifications.service';

export const notificationsRoutes: FastifyPluginCallbackTypebox = (app, _opts, done) => {
  const tags = ['Notifications'];
  const deps = (): NotificationDeps => ({
    db: app.db,
    redis: app.redis,
    prefix: app.config.redisKeyPrefix,
    log: app.log,
  });

  app.get(
    '/notifications',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Your notifications, newest first, in cursor pages (optionally unread only or some types)',
        querystring: NotificationListQuery,
        response: { 200: NotificationPage, ...errorResponses(400, 401) },
      },
    },
    (request) => listNotifications(app.db, callerOf(request), request.query),
  );

  app.get(
    '/notifications/unread-count',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'How many of your notifications are unread',
        response: { 200: UnreadCount, ...errorResponses(401) },
      },
    },
    (request) => getUnreadCount(app.db, callerOf(request)),
  );

  app.post(
    '/notifications/read-all',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Mark all your notifications read',
        response: { 200: ReadAllResponse, ...errorResponses(401, 403) },
      },
    },
    (request) => markAllRead(deps(), callerOf(request)),
  );

  for (const [action, read] of [
    ['read', true],
    ['unread', false],
  ] as const) {
    app.post(
      `/notifications/:id/${action}`,
      {
        config: { access: 'user' },
        schema: {
          tags,
          summary: `Mark one of your notifications ${action}`,
          params: NotificationIdParams,
          response: { 200: Notification, ...errorResponses(400, 401, 403, 404) },
        },
      },
      (request) => markRead(deps(), callerOf(request), request.params.id, read),
    );
  }

  app.delete(
    '/notifications/:id',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Delete one of your notifications',
        params: NotificationIdParams,
        response: { 204: NoContent, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      await deleteNotification(deps(), callerOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/users/me/notification-settings',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Which notification types you receive (each is on unless switched off)',
        response: { 200: NotificationSettings, ...errorResponses(401, 404) },
      },
    },
    (request) => getNotificationSettings(app.db, callerOf(request)),
  );

  app.put(
    '/users/me/notification-settings',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Switch notification types on or off (the types you send; the others keep their setting)',
        body: UpdateNotificationSettingsBody,
        response: { 200: NotificationSettings, ...errorResponses(400, 401, 403, 404) },
      },
    },
    (request) => updateNotificationSettings(app.db, callerOf(request), request.body),
  );

  done();
};
