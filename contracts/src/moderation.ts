import { Type, type Static } from 'typebox';
import { Page, PageSize } from './common';
import { ContentSource, ContentSummary } from './content';

export const FlagStatus = Type.Union([
  Type.Literal('pending'),
  Type.Literal('approved'),
  Type.Literal('removed'),
]);
export type FlagStatus = Static<typeof FlagStatus>;

export const ReviewDecision = Type.Union([Type.Literal('approve'), Type.Literal('remove')]);
export type ReviewDecision = Static<typeof ReviewDecision>;

export const FlaggedSort = Type.Union([
  Type.Literal('-risk'),
  Type.Literal('risk'),
  Type.Literal('-created'),
  Type.Literal('created'),
]);
export type FlaggedSort = Static<typeof FlaggedSort>;

const Risk = Type.Number({ minimum: 0, maximum: 100 });

/** One flagged item of the review queue. Removed items leave the queue with their content. */
export const FlaggedItem = Type.Object({
  id: Type.Integer(),
  contentId: Type.Integer(),
  riskScore: Risk,
  flaggedWords: Type.Array(Type.String()),
  status: FlagStatus,
  totalWords: Type.Integer(),
  problemWords: Type.Integer(),
  problemPercentage: Type.Number(),
  reviewedBy: Type.Union([Type.String({ format: 'uuid' }), Type.Null()]),
  reviewedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  notes: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
  content: ContentSummary,
});
export type FlaggedItem = Static<typeof FlaggedItem>;

export const TextHighlight = Type.Object({
  word: Type.String(),
  index: Type.Integer({ description: 'Offset in UTF-16 code units' }),
  length: Type.Integer(),
});
export type TextHighlight = Static<typeof TextHighlight>;

/** The review view: the queue entry plus the full text with each hit located, and the risk's parts. */
export const FlaggedItemDetail = Type.Intersect([
  FlaggedItem,
  Type.Object({
    title: Type.String(),
    prompt: Type.String(),
    titleHighlights: Type.Array(TextHighlight),
    promptHighlights: Type.Array(TextHighlight),
    riskBreakdown: Type.Object({
      percentage: Type.Number({ description: '0.4 × problem percentage' }),
      count: Type.Number({ description: '0.3 × min(problem words / 10, 1) × 100' }),
      variety: Type.Number({ description: '0.3 × min(distinct problem words / 5, 1) × 100' }),
    }),
    hiddenFromOthers: Type.Boolean({ description: 'Pending and above MODERATION_HIDE_THRESHOLD' }),
  }),
]);
export type FlaggedItemDetail = Static<typeof FlaggedItemDetail>;

export const FlaggedQuery = Type.Object({
  status: Type.Optional(
    Type.Union([Type.Literal('pending'), Type.Literal('approved'), Type.Literal('all')], {
      default: 'pending',
    }),
  ),
  minRisk: Type.Optional(Risk),
  maxRisk: Type.Optional(Risk),
  source: Type.Optional(ContentSource),
  sort: Type.Optional(FlaggedSort),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000, default: 1 })),
  pageSize: Type.Optional(PageSize),
});
export type FlaggedQuery = Static<typeof FlaggedQuery>;

export const FlaggedPage = Page(FlaggedItem);
export type FlaggedPage = Static<typeof FlaggedPage>;

export const FlagIdParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: 9_007_199_254_740_991 }) });

export const ReviewBody = Type.Object(
  { decision: ReviewDecision, notes: Type.Optional(Type.String({ maxLength: 2000 })) },
  { additionalProperties: false },
);
export type ReviewBody = Static<typeof ReviewBody>;

/** After a review: the entry as it now stands (a removed one keeps its last state, status `removed`). */
export const ReviewResult = Type.Object({
  id: Type.Integer(),
  contentId: Type.Integer(),
  status: FlagStatus,
});
export type ReviewResult = Static<typeof ReviewResult>;

export const BulkReviewBody = Type.Object(
  {
    ids: Type.Array(Type.Integer({ minimum: 1, maximum: 9_007_199_254_740_991 }), {
      minItems: 1,
      maxItems: 100,
    }),
    decision: ReviewDecision,
    notes: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);
export type BulkReviewBody = Static<typeof BulkReviewBody>;

export const BulkReviewResult = Type.Object({ decision: ReviewDecision, results: Type.Array(ReviewResult) });
export type BulkReviewResult = Static<typeof BulkReviewResult>;

export const ModerationStats = Type.Object({
  pending: Type.Integer(),
  approved: Type.Integer(),
  removed: Type.Integer({ description: 'Items removed by a review (from the audit log)' }),
  hidden: Type.Integer({ description: 'Pending items above the hide threshold' }),
  hideThreshold: Type.Number(),
  riskHistogram: Type.Array(Type.Object({ from: Type.Number(), to: Type.Number(), count: Type.Integer() }), {
    description: 'Pending and approved flags in ten risk bands [from, to)',
  }),
});
export type ModerationStats = Static<typeof ModerationStats>;

export const ScanState = Type.Union([
  Type.Literal('idle'),
  Type.Literal('queued'),
  Type.Literal('running'),
  Type.Literal('completed'),
  Type.Literal('failed'),
]);
export type ScanState = Static<typeof ScanState>;

export const ScanProgress = Type.Object({
  state: ScanState,
  processed: Type.Integer(),
  total: Type.Integer(),
  flagged: Type.Integer({ description: 'Items found with flag words so far' }),
  startedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  finishedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  error: Type.Union([Type.String(), Type.Null()]),
});
export type ScanProgress = Static<typeof ScanProgress>;

const FlagWord = Type.String({
  minLength: 1,
  maxLength: 100,
  pattern: '^\\S+$',
  description: 'Lower case, no spaces',
});

export const FlagWordsBody = Type.Object(
  { words: Type.Array(FlagWord, { maxItems: 5_000 }) },
  { additionalProperties: false },
);
export type FlagWordsBody = Static<typeof FlagWordsBody>;

export const FlagWordList = Type.Object({ words: Type.Array(Type.String()) });
export type FlagWordList = Static<typeof FlagWordList>;
