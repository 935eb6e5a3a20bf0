import { Type, type Static } from 'typebox';
import { ContentSummary } from './content';

/** Why an item was recommended; the web app words each kind ("matches your tags: …"). */
export const RecommendationReason = Type.Union([
  Type.Object({
    kind: Type.Literal('tags'),
    tags: Type.Array(Type.Object({ slug: Type.String(), name: Type.String() })),
  }),
  Type.Object({
    kind: Type.Literal('similar'),
    contentId: Type.Integer(),
    title: Type.String(),
  }),
  Type.Object({ kind: Type.Literal('popular') }),
]);
export type RecommendationReason = Static<typeof RecommendationReason>;

export const RecommendationAlgorithm = Type.Union([
  Type.Literal('tag-profile'),
  Type.Literal('co-occurrence'),
  Type.Literal('popular'),
]);
export type RecommendationAlgorithm = Static<typeof RecommendationAlgorithm>;

export const Recommendation = Type.Object({
  contentId: Type.Integer(),
  score: Type.Number(),
  algorithm: RecommendationAlgorithm,
  reasons: Type.Array(RecommendationReason),
  recommendedAt: Type.String({ format: 'date-time' }),
  servedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  clickedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  content: ContentSummary,
});
export type Recommendation = Static<typeof Recommendation>;

export const RecommendationList = Type.Object({
  items: Type.Array(Recommendation),
  computedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], {
    description: 'When your list was last computed (null: never)',
  }),
});
export type RecommendationList = Static<typeof RecommendationList>;

export const RecommendationQuery = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
});
export type RecommendationQuery = Static<typeof RecommendationQuery>;

export const RecommendationContentParams = Type.Object({
  contentId: Type.Integer({ minimum: 1, maximum: 9_007_199_254_740_991 }),
});
export type RecommendationContentParams = Static<typeof RecommendationContentParams>;

export const RecommendationFeedbackAction = Type.Union([
  Type.Literal('served'),
  Type.Literal('clicked'),
  Type.Literal('dismissed'),
]);
export type RecommendationFeedbackAction = Static<typeof RecommendationFeedbackAction>;

export const RecommendationFeedbackBody = Type.Object(
  { action: RecommendationFeedbackAction },
  { additionalProperties: false },
);
export type RecommendationFeedbackBody = Static<typeof RecommendationFeedbackBody>;

/** The feedback recorded on one recommendation (times of the first served, last click, dismissal). */
export const RecommendationFeedback = Type.Object({
  contentId: Type.Integer(),
  servedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  clickedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  dismissedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});
export type RecommendationFeedback = Static<typeof RecommendationFeedback>;
