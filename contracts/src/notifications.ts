import { Type, type Static } from 'typebox';
import { Page } from './common';
import { Notification } from './realtime';

export const NotificationListQuery = Type.Object({
  unreadOnly: Type.Optional(Type.Boolean({ default: false })),
  types: Type.Optional(
    Type.String({
      maxLength: 200,
      description: 'Comma list of job_completed, job_failed, job_cancelled, recommendation, system',
    }),
  ),
  cursor: Type.Optional(Type.String({ maxLength: 200 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 25 })),
});
export type NotificationListQuery = Static<typeof NotificationListQuery>;

export const NotificationPage = Page(Notification);
export type NotificationPage = Static<typeof NotificationPage>;

export const NotificationIdParams = Type.Object({
  id: Type.Integer({ minimum: 1, maximum: 9_007_199_254_740_991 }),
});

export const UnreadCount = Type.Object({ unreadCount: Type.Integer() });
export type UnreadCount = Static<typeof UnreadCount>;

export const ReadAllResponse = Type.Object({
  updated: Type.Integer({ description: 'How many notifications were unread' }),
  unreadCount: Type.Integer(),
});
export type ReadAllResponse = Static<typeof ReadAllResponse>;

const TypeSwitch = Type.Boolean({ description: 'false: notifications of this type are not created' });

/** Per type: on unless switched off. Keys are the notification types. */
export const NotificationSettings = Type.Object({
  job_completed: TypeSwitch,
  job_failed: TypeSwitch,
  job_cancelled: TypeSwitch,
  recommendation: TypeSwitch,
  system: TypeSwitch,
});
export type NotificationSettings = Static<typeof NotificationSettings>;

export const UpdateNotificationSettingsBody = Type.Partial(NotificationSettings, {
  additionalProperties: false,
  minProperties: 1,
});
export type UpdateNotificationSettingsBody = Static<typeof UpdateNotificationSettingsBody>;
