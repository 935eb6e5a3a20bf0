import { Type, type Static } from 'typebox';
import { Page } from './common';

export const ContentSource = Type.Union([Type.Literal('regular'), Type.Literal('auto')]);
export type ContentSource = Static<typeof ContentSource>;

export const GallerySourceScope = Type.Union([
  Type.Literal('mine-regular'),
  Type.Literal('mine-auto'),
  Type.Literal('community-regular'),
  Type.Literal('community-auto'),
]);
export type GallerySourceScope = Static<typeof GallerySourceScope>;

export const GallerySort = Type.Union([
  Type.Literal('newest'),
  Type.Literal('oldest'),
  Type.Literal('top_rated'),
  Type.Literal('quality'),
  Type.Literal('most_bookmarked'),
]);
export type GallerySort = Static<typeof GallerySort>;

export const ImageSize = Type.Union([
  Type.Literal('original'),
  Type.Literal('small'),
  Type.Literal('medium'),
  Type.Literal('large'),
]);
export type ImageSize = Static<typeof ImageSize>;

export const ImageRef = Type.Object({ url: Type.String(), width: Type.Integer(), height: Type.Integer() });
export type ImageRef = Static<typeof ImageRef>;

export const CreatorRef = Type.Object({
  id: Type.String({ format: 'uuid' }),
  username: Type.String(),
  displayName: Type.Union([Type.String(), Type.Null()]),
});

export const TagRef = Type.Object({
  id: Type.String({ format: 'uuid' }),
  slug: Type.String(),
  name: Type.String(),
});
export type TagRef = Static<typeof TagRef>;

/** What the signed-in viewer has done with an item, so a page needs one request. */
export const ViewerState = Type.Object({
  bookmarkId: Type.Union([Type.String({ format: 'uuid' }), Type.Null()]),
  rating: Type.Union([Type.Integer({ minimum: 1, maximum: 5 }), Type.Null()]),
});
export type ViewerState = Static<typeof ViewerState>;

export const LoraUse = Type.Object({
  name: Type.String(),
  strengthModel: Type.Number(),
  strengthClip: Type.Number(),
});
export type LoraUse = Static<typeof LoraUse>;

/** A gallery card. */
export const ContentSummary = Type.Object({
  id: Type.Integer(),
  title: Type.String(),
  source: ContentSource,
  contentType: Type.String(),
  creator: CreatorRef,
  createdAt: Type.String({ format: 'date-time' }),
  isPrivate: Type.Boolean(),
  width: Type.Union([Type.Integer(), Type.Null()]),
  height: Type.Union([Type.Integer(), Type.Null()]),
  checkpoint: Type.Union([Type.String(), Type.Null()]),
  qualityScore: Type.Union([Type.Number(), Type.Null()]),
  ratingAvg: Type.Number(),
  ratingCount: Type.Integer(),
  bookmarkCount: Type.Integer(),
  image: Type.Union([ImageRef, Type.Null()]),
  thumbnails: Type.Object({
    small: Type.Optional(ImageRef),
    medium: Type.Optional(ImageRef),
    large: Type.Optional(ImageRef),
  }),
  promptPreview: Type.String({ description: 'The first 200 characters of the prompt' }),
  viewer: Type.Optional(ViewerState),
});
export type ContentSummary = Static<typeof ContentSummary>;

/** The item page: the card plus every generation parameter and the tags. */
export const ContentDetail = Type.Intersect([
  ContentSummary,
  Type.Object({
    prompt: Type.String(),
    negativePrompt: Type.Union([Type.String(), Type.Null()]),
    loras: Type.Array(LoraUse),
    seed: Type.Union([Type.Integer(), Type.Null()]),
    steps: Type.Union([Type.Integer(), Type.Null()]),
    cfg: Type.Union([Type.Number(), Type.Null()]),
    sampler: Type.Union([Type.String(), Type.Null()]),
    scheduler: Type.Union([Type.String(), Type.Null()]),
    denoise: Type.Union([Type.Number(), Type.Null()]),
    generationJobId: Type.Union([Type.Integer(), Type.Null()]),
    outputIndex: Type.Union([Type.Integer(), Type.Null()]),
    mimeType: Type.Union([Type.String(), Type.Null()]),
    fileSize: Type.Union([Type.Integer(), Type.Null()]),
    tags: Type.Array(TagRef),
    updatedAt: Type.String({ format: 'date-time' }),
    moderation: Type.Optional(
      Type.Object({
        status: Type.Union([Type.Literal('clear'), Type.Literal('pending'), Type.Literal('approved')]),
        riskScore: Type.Number(),
      }),
    ),
  }),
]);
export type ContentDetail = Static<typeof ContentDetail>;

export const GalleryQuery = Type.Object({
  sources: Type.Optional(
    Type.String({
      maxLength: 200,
      description:
        'Comma list of mine-regular, mine-auto, community-regular, community-auto; default all; empty = nothing',
    }),
  ),
  q: Type.Optional(Type.String({ maxLength: 1000, description: 'Search expression (see the API guide)' })),
  tags: Type.Optional(Type.String({ maxLength: 2000, description: 'Comma list of tag slugs or ids' })),
  tagMatch: Type.Optional(Type.Union([Type.Literal('all'), Type.Literal('any')], { default: 'all' })),
  expandTags: Type.Optional(
    Type.Boolean({ default: true, description: 'A tag also matches its descendants' }),
  ),
  creatorId: Type.Optional(Type.String({ format: 'uuid' })),
  sort: Type.Optional(GallerySort),
  cursor: Type.Optional(Type.String({ maxLength: 500 })),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 400 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 25 })),
});
export type GalleryQuery = Static<typeof GalleryQuery>;

export const GalleryPage = Page(ContentSummary);
export type GalleryPage = Static<typeof GalleryPage>;

export const ContentStats = Type.Object({
  mineRegular: Type.Integer(),
  mineAuto: Type.Integer(),
  communityRegular: Type.Integer(),
  communityAuto: Type.Integer(),
  updatedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});
export type ContentStats = Static<typeof ContentStats>;

/**
 * The fields of `POST /content` (multipart/form-data). Every part arrives as text, so `isPrivate` is
 * `true`/`false` and `tags` a comma list of slugs.
 */
export const CreateContentForm = Type.Object(
  {
    file: Type.String({ format: 'binary', description: 'The image: PNG, JPEG, WebP, GIF or AVIF' }),
    title: Type.String({ minLength: 1, maxLength: 255 }),
    prompt: Type.Optional(Type.String({ maxLength: 20_000 })),
    tags: Type.Optional(Type.String({ maxLength: 5_000, description: 'Comma list of tag slugs' })),
    isPrivate: Type.Optional(Type.Boolean({ default: false })),
  },
  { additionalProperties: false },
);
export type CreateContentForm = Static<typeof CreateContentForm>;

export const ContentIdParams = Type.Object({
  id: Type.Integer({ minimum: 1, maximum: 9_007_199_254_740_991 }),
});

export const UpdateContentBody = Type.Object(
  {
    title: Type.Optional(Type.String({ minLength: 1, maxLength: 255 })),
    isPrivate: Type.Optional(Type.Boolean()),
    tags: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { maxItems: 50 })),
    prompt: Type.Optional(Type.Unknown({ description: 'Refused: the prompt of an item cannot change' })),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateContentBody = Static<typeof UpdateContentBody>;

export const ImageQuery = Type.Object({ size: Type.Optional(ImageSize) });

export const RatingBody = Type.Object(
  { rating: Type.Integer({ minimum: 1, maximum: 5 }) },
  { additionalProperties: false },
);
export type RatingBody = Static<typeof RatingBody>;
export const RatingResponse = Type.Object({
  rating: Type.Union([Type.Integer(), Type.Null()]),
  ratingAvg: Type.Number(),
  ratingCount: Type.Integer(),
});
export type RatingResponse = Static<typeof RatingResponse>;

export const InteractionBody = Type.Object(
  {
    type: Type.Union([
      Type.Literal('view'),
      Type.Literal('like'),
      Type.Literal('download'),
      Type.Literal('share'),
    ]),
  },
  { additionalProperties: false },
);
export type InteractionBody = Static<typeof InteractionBody>;

export const SimilarQuery = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 12 })),
});
export const ContentList = Type.Object({ items: Type.Array(ContentSummary) });
export type ContentList = Static<typeof ContentList>;
