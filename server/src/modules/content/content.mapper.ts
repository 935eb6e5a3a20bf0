// content_items rows → the contract shapes. Image URLs point at the API (by id only, never a path).
import type {
  ContentDetail,
  ContentSummary,
  ImageRef,
  LoraUse,
  TagRef,
  ViewerState,
} from '@genonaut/contracts';

export interface SummaryRow {
  id: number;
  title: string;
  source: string;
  content_type: string;
  creator_id: string;
  creator_username: string;
  creator_display_name: string | null;
  created_at: Date;
  is_private: boolean;
  width: number | null;
  height: number | null;
  checkpoint: string | null;
  quality_score: number | null;
  rating_avg: number;
  rating_count: number;
  bookmark_count: number;
  storage_key: string | null;
  thumbnails: unknown;
  prompt_preview: string;
  viewer_bookmark_id?: string | null;
  viewer_rating?: number | null;
}

export interface DetailRow extends SummaryRow {
  prompt: string;
  negative_prompt: string | null;
  loras: unknown;
  seed: number | null;
  steps: number | null;
  cfg: number | null;
  sampler: string | null;
  scheduler: string | null;
  denoise: number | null;
  generation_job_id: number | null;
  output_index: number | null;
  mime_type: string | null;
  file_size: number | null;
  updated_at: Date;
  moderation_status: string;
  risk_score: number;
}

export const imageUrl = (id: number, size: 'original' | 'small' | 'medium' | 'large') =>
  `/api/v1/content/${id}/image${size === 'original' ? '' : `?size=${size}`}`;

type StoredThumbnails = Partial<Record<'small' | 'medium' | 'large', { width?: number; height?: number }>>;

function thumbnailsOf(row: SummaryRow): ContentSummary['thumbnails'] {
  const stored = (row.thumbnails ?? {}) as StoredThumbnails;
  const out: ContentSummary['thumbnails'] = {};
  for (const size of ['small', 'medium', 'large'] as const) {
    const t = stored[size];
    if (t?.width && t.height) out[size] = { url: imageUrl(row.id, size), width: t.width, height: t.height };
  }
  return out;
}

export function toContentSummary(row: SummaryRow, withViewer: boolean): ContentSummary {
  const image: ImageRef | null =
    row.storage_key && row.width && row.height
      ? { url: imageUrl(row.id, 'original'), width: row.width, height: row.height }
      : null;
  const summary: ContentSummary = {
    id: row.id,
    title: row.title,
    source: row.source === 'auto' ? 'auto' : 'regular',
    contentType: row.content_type,
    creator: { id: row.creator_id, username: row.creator_username, displayName: row.creator_display_name },
    createdAt: row.created_at.toISOString(),
    isPrivate: row.is_private,
    width: row.width,
    height: row.height,
    checkpoint: row.checkpoint,
    qualityScore: row.quality_score,
    ratingAvg: Math.round(row.rating_avg * 100) / 100,
    ratingCount: row.rating_count,
    bookmarkCount: row.bookmark_count,
    image,
    thumbnails: thumbnailsOf(row),
    promptPreview: row.prompt_preview,
  };
  if (withViewer) {
    const viewer: ViewerState = {
      bookmarkId: row.viewer_bookmark_id ?? null,
      rating: row.viewer_rating ?? null,
    };
    summary.viewer = viewer;
  }
  return summary;
}

export function toContentDetail(
  row: DetailRow,
  tags: TagRef[],
  opts: { withViewer: boolean; showModeration: boolean },
): ContentDetail {
  const loras = Array.isArray(row.loras) ? (row.loras as LoraUse[]) : [];
  return {
    ...toContentSummary(row, opts.withViewer),
    prompt: row.prompt,
    negativePrompt: row.negative_prompt,
    loras,
    seed: row.seed,
    steps: row.steps,
    cfg: row.cfg,
    sampler: row.sampler,
    scheduler: row.scheduler,
    denoise: row.denoise,
    generationJobId: row.generation_job_id,
    outputIndex: row.output_index,
    mimeType: row.mime_type,
    fileSize: row.file_size,
    tags,
    updatedAt: row.updated_at.toISOString(),
    ...(opts.showModeration
      ? {
          moderation: {
            status:
              row.moderation_status === 'pending'
                ? 'pending'
                : row.moderation_status === 'approved'
                  ? 'approved'
                  : 'clear',
            riskScore: row.risk_score,
          },
        }
      : {}),
  };
}
