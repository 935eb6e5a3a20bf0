import { Type, type Static, type TSchema } from 'typebox';

/** `{ error: { code, message, details? } }`, the one error shape of every non-2xx answer. */
export const ErrorCode = Type.Union([
  Type.Literal('validation_failed'),
  Type.Literal('unauthenticated'),
  Type.Literal('forbidden'),
  Type.Literal('not_found'),
  Type.Literal('conflict'),
  Type.Literal('payload_too_large'),
  Type.Literal('unsupported_media_type'),
  Type.Literal('rate_limited'),
  Type.Literal('internal'),
  Type.Literal('dependency_unavailable'),
  Type.Literal('query_timeout'),
]);
export type ErrorCode = Static<typeof ErrorCode>;

export const FieldError = Type.Object({
  field: Type.String({ description: 'Where the problem is, e.g. `body.email` or `query.pageSize`.' }),
  message: Type.String(),
});
export type FieldError = Static<typeof FieldError>;

export const ErrorResponse = Type.Object(
  {
    error: Type.Object({
      code: ErrorCode,
      message: Type.String(),
      details: Type.Optional(Type.Array(FieldError)),
    }),
  },
  { $id: 'ErrorResponse' },
);
export type ErrorResponse = Static<typeof ErrorResponse>;

export const Pagination = Type.Object({
  pageSize: Type.Integer(),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
  prevCursor: Type.Union([Type.String(), Type.Null()]),
  hasNext: Type.Boolean(),
  hasPrevious: Type.Boolean(),
  page: Type.Optional(Type.Integer()),
  totalCount: Type.Optional(Type.Integer()),
  totalCountIsEstimate: Type.Optional(Type.Boolean()),
});
export type Pagination = Static<typeof Pagination>;

/** A page of a list endpoint: `{ items, pagination }`. */
export const Page = <T extends TSchema>(item: T) =>
  Type.Object({ items: Type.Array(item), pagination: Pagination });

export const PageSize = Type.Integer({ minimum: 1, maximum: 100, default: 25 });

/** Response schemas for the error statuses a route can answer. */
export const errorResponses = (...statuses: number[]) =>
  Object.fromEntries(statuses.map((status) => [status, ErrorResponse])) as Record<
    number,
    typeof ErrorResponse
  >;

export const NoContent = Type.Null({ description: 'No content' });
