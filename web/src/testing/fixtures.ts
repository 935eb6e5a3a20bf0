// Typed builders for API answers: tests state only what they care about, the contract types keep the
// rest honest.
import type {
  ContentDetail,
  ContentStats,
  ContentSummary,
  CurrentUser,
  GenerationJob,
  Pagination,
} from '@genonaut/contracts';

export function makeUser(overrides: Partial<CurrentUser> = {}): CurrentUser {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    username: 'alice',
    displayName: 'Alice',
    email: 'alice@example.com',
    role: 'user',
    isActive: true,
    preferences: {},
    createdAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

export function makeContent(id: number, overrides: Partial<ContentSummary> = {}): ContentSummary {
  const thumb = (size: string, px: number) => ({
    url: `/api/v1/content/${id}/image?size=${size}`,
    width: px,
    height: px,
  });
  return {
    id,
    title: `Image ${id}`,
    source: 'regular',
    contentType: 'image',
    creator: { id: '00000000-0000-4000-8000-000000000002', username: 'bob', displayName: null },
    createdAt: '2026-02-01T12:00:00.000Z',
    isPrivate: false,
    width: 1024,
    height: 1024,
    checkpoint: 'sd_xl_base',
    qualityScore: null,
    ratingAvg: 0,
    ratingCount: 0,
    bookmarkCount: 0,
    image: { url: `/api/v1/content/${id}/image`, width: 1024, height: 1024 },
    thumbnails: { small: thumb('small', 256), medium: thumb('medium', 512), large: thumb('large', 1024) },
    promptPreview: `a prompt for image ${id}`,
    ...overrides,
  };
}

/** `count` items with consecutive ids from `from`. */
export function makeContents(from: number, count: number): ContentSummary[] {
  return Array.from({ length: count }, (_, i) => makeContent(from + i));
}

export function makeContentDetail(id: number, overrides: Partial<ContentDetail> = {}): ContentDetail {
  return {
    ...makeContent(id),
    prompt: `a lighthouse on a cliff, item ${id}`,
    negativePrompt: 'blurry, low quality',
    loras: [],
    seed: 123456789,
    steps: 30,
    cfg: 6.5,
    sampler: 'dpmpp_2m',
    scheduler: 'karras',
    denoise: 0.85,
    generationJobId: 77,
    outputIndex: 0,
    mimeType: 'image/png',
    fileSize: 2_400_000,
    tags: [],
    updatedAt: '2026-02-01T12:00:00.000Z',
    ...overrides,
  };
}

/** A page of any list (`GalleryPage`, `JobPage`, …): every list answers `{ items, pagination }`. */
export function makePage<T>(
  items: T[],
  pagination: Partial<Pagination> = {},
): { items: T[]; pagination: Pagination } {
  return {
    items,
    pagination: {
      pageSize: 25,
      nextCursor: null,
      prevCursor: null,
      hasNext: false,
      hasPrevious: false,
      page: 1,
      totalCount: items.length,
      totalCountIsEstimate: false,
      ...pagination,
    },
  };
}

export function makeStats(overrides: Partial<ContentStats> = {}): ContentStats {
  return {
    mineRegular: 0,
    mineAuto: 0,
    communityRegular: 0,
    communityAuto: 0,
    updatedAt: null,
    ...overrides,
  };
}

export function makeJob(id: number, overrides: Partial<GenerationJob> = {}): GenerationJob {
  return {
    id,
    status: 'running',
    prompt: `job ${id} prompt`,
    negativePrompt: null,
    checkpoint: 'sd_xl_base',
    loras: [],
    width: 1024,
    height: 1024,
    batchSize: 1,
    seed: 42,
    steps: 20,
    cfg: 7,
    sampler: 'euler',
    scheduler: 'normal',
    denoise: 1,
    source: 'regular',
    title: null,
    tags: [],
    isPrivate: false,
    backend: null,
    progress: 0.5,
    attempts: 1,
    error: null,
    contentIds: [],
    createdAt: '2026-02-01T12:00:00.000Z',
    queuedAt: '2026-02-01T12:00:00.000Z',
    startedAt: '2026-02-01T12:00:01.000Z',
    completedAt: null,
    ...overrides,
  };
}
