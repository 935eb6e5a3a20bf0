import { Type, type Static } from 'typebox';
import { JobStatus } from './generation';

/** A notification as the API and the WebSocket carry it. */
export const NotificationType = Type.Union([
  Type.Literal('job_completed'),
  Type.Literal('job_failed'),
  Type.Literal('job_cancelled'),
  Type.Literal('recommendation'),
  Type.Literal('system'),
]);
export type NotificationType = Static<typeof NotificationType>;

export const Notification = Type.Object({
  id: Type.Integer(),
  type: NotificationType,
  title: Type.String(),
  message: Type.String(),
  relatedJobId: Type.Union([Type.Integer(), Type.Null()]),
  relatedContentId: Type.Union([Type.Integer(), Type.Null()]),
  readAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
});
export type Notification = Static<typeof Notification>;

/** Client → server on /api/v1/ws. */
export type ClientMessage =
  { type: 'subscribe'; jobIds: number[] } | { type: 'unsubscribe'; jobIds: number[] } | { type: 'ping' };

/** Server → client on /api/v1/ws. */
export interface JobEvent {
  type: 'job';
  jobId: number;
  status: Static<typeof JobStatus>;
  progress: number;
  contentIds?: number[];
  error?: { code: string; message: string };
}
export type ServerMessage =
  | JobEvent
  | { type: 'notification'; notification: Notification }
  | { type: 'unreadCount'; count: number }
  | { type: 'pong' }
  | { type: 'error'; message: string };
