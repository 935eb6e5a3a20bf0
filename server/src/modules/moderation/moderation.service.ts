// The admin side of moderation (SPEC §9.5): the review queue, decisions (one or many, all or nothing),
// stats, the word list and the rescan. Every admin action is written to the audit log.
import type {
  BulkReviewBody,
  BulkReviewResult,
  FieldError,
  FlaggedItemDetail,
  FlaggedPage,
  FlaggedQuery,
  FlagWordList,
  ModerationStats,
  ReviewDecision,
  ReviewResult,
  ScanProgress,
} from '@genonaut/contracts';
import type { Redis } from 'ioredis';
import type { Database } from '../../db/database';
import { conflict, DomainError, notFound, unavailable } from '../../errors';
import type { AuthUser } from '../../plugins/auth';
import { recordAudit } from '../audit/audit.repository';
import { deleteContent } from '../content/content-items.repository';
import { claimScan, readScanProgress, releaseScan } from './moderation-scan';
import { listFlagWords } from './moderation-screen.repository';
import { toFlaggedDetail, toFlaggedItem } from './moderation.mapper';
import {
  APPROVE_ACTION,
  approveFlag,
  findFlagged,
  listFlagged,
  lockFlags,
  moderationCounts,
  REMOVE_ACTION,
  replaceFlagWords,
} from './moderation.repository';
import { numberedPagination } from '../../lib/numbered-page';

export interface ModerationDeps {
  db: Database;
  redis: Redis;
  redisKeyPrefix: string;
  hideThreshold: number;
  /** Asks for a cleanup run soon (removed items' files); false when the queue is unreachable. */
  requestCleanup: () => Promise<boolean>;
  /** Queues the rescan job; false when the queue is unreachable. */
  queueScan: () => Promise<boolean>;
}

const flagNotFound = () => notFound('Flagged item');

export async function listFlaggedContent(db: Database, query: FlaggedQuery): Promise<FlaggedPage> {
  const pageSize = query.pageSize ?? 25;
  const page = query.page ?? 1;
  const { rows, total } = await listFlagged(db, {
    ...query,
    status: query.status ?? 'pending',
    sort: query.sort ?? '-risk',
    limit: pageSize,
    offset: (page - 1) * pageSize,
  });
  return {
    items: rows.map(toFlaggedItem),
    pagination: numberedPagination(page, pageSize, total),
  };
}

export async function getFlaggedContent(deps: ModerationDeps, id: number): Promise<FlaggedItemDetail> {
  const row = await findFlagged(deps.db, id);
  if (!row) throw flagNotFound();
  return toFlaggedDetail(row, deps.hideThreshold);
}

/**
 * Applies one decision to every id inside one transaction: any id that is missing, or already approved
 * when approving, fails the whole request (nothing changes) with a detail per offending id.
 */
async function decide(
  deps: ModerationDeps,
  admin: AuthUser,
  ids: number[],
  decision: ReviewDecision,
  notes: string | null,
  context: { ip: string; field: (index: number) => string; bulk: boolean },
): Promise<ReviewResult[]> {
  const unique = [...new Set(ids)];
  const results = await deps.db.transaction().execute(async (trx) => {
    const flags = await lockFlags(trx, unique);
    const byId = new Map(flags.map((f) => [f.id, f]));
    const missing: FieldError[] = [];
    const decided: FieldError[] = [];
    ids.forEach((id, index) => {
      const flag = byId.get(id);
      if (!flag) missing.push({ field: context.field(index), message: `flagged item ${id} does not exist` });
      else if (decision === 'approve' && flag.status === 'approved')
        decided.push({ field: context.field(index), message: `flagged item ${id} is already approved` });
    });
    if (missing.length > 0)
      throw new DomainError('not_found', 'Flagged item not found; nothing was changed', missing);
    if (decided.length > 0) throw conflict('Already approved; nothing was changed', decided);
    const out: ReviewResult[] = [];
    for (const id of unique) {
      const flag = byId.get(id);
      if (!flag) continue;
      const details = {
        flagId: flag.id,
        riskScore: flag.risk_score,
        flaggedWords: flag.flagged_words,
        notes,
        ...(context.bulk ? { bulk: true } : {}),
      };
      if (decision === 'approve') {
        await approveFlag(trx, flag, admin.id, notes);
      } else {
        // As DELETE /content/:id does: the row goes (its flag with it) and a trigger queues its files.
        await deleteContent(trx, flag.content_id);
      }
      await recordAudit(trx, {
        actorId: admin.id,
        action: decision === 'approve' ? APPROVE_ACTION : REMOVE_ACTION,
        targetType: 'content',
        targetId: String(flag.content_id),
        ip: context.ip,
        details:
          decision === 'approve' ? details : { ...details, title: flag.title, creatorId: flag.creator_id },
      });
      out.push({ id, contentId: flag.content_id, status: decision === 'approve' ? 'approved' : 'removed' });
    }
    return out;
  });
  if (decision === 'remove') await deps.requestCleanup();
  return results;
}

export async function reviewFlaggedContent(
  deps: ModerationDeps,
  admin: AuthUser,
  id: number,
  body: { decision: ReviewDecision; notes?: string },
  ip: string,
): Promise<ReviewResult> {
  const [result] = await decide(deps, admin, [id], body.decision, body.notes ?? null, {
    ip,
    field: () => 'params.id',
    bulk: false,
  });
  if (!result) throw flagNotFound();
  return result;
}

export async function bulkReviewFlaggedContent(
  deps: ModerationDeps,
  admin: AuthUser,
  body: BulkReviewBody,
  ip: string,
): Promise<BulkReviewResult> {
  const results = await decide(deps, admin, body.ids, body.decision, body.notes ?? null, {
    ip,
    field: (index) => `body.ids.${index}`,
    bulk: true,
  });
  return { decision: body.decision, results };
}

export async function moderationStats(deps: ModerationDeps): Promise<ModerationStats> {
  const counts = await moderationCounts(deps.db, deps.hideThreshold);
  const bands = new Map(counts.bands.map((b) => [b.band, b.count]));
  return {
    pending: counts.pending,
    approved: counts.approved,
    removed: counts.removed,
    hidden: counts.hidden,
    hideThreshold: deps.hideThreshold,
    riskHistogram: Array.from({ length: 10 }, (_, band) => ({
      from: band * 10,
      to: band * 10 + 10,
      count: bands.get(band) ?? 0,
    })),
  };
}

export async function getFlagWords(db: Database): Promise<FlagWordList> {
  return { words: await listFlagWords(db) };
}

/** Replaces the list. Words must already be lower case (a 400 names each that is not); repeats drop. */
export async function putFlagWords(
  db: Database,
  admin: AuthUser,
  words: string[],
  ip: string,
): Promise<FlagWordList> {
  const problems: FieldError[] = [];
  words.forEach((word, index) => {
    if (word !== word.toLowerCase())
      problems.push({ field: `body.words.${index}`, message: 'must be lower case' });
  });
  if (problems.length > 0)
    throw new DomainError(
      'validation_failed',
      `Invalid request: ${problems.map((p) => `${p.field} ${p.message}`).join('; ')}`,
      problems,
    );
  const list = [...new Set(words)].sort();
  await db.transaction().execute(async (trx) => {
    const before = await listFlagWords(trx);
    await replaceFlagWords(trx, list);
    const kept = new Set(list);
    const had = new Set(before);
    await recordAudit(trx, {
      actorId: admin.id,
      action: 'admin.flag_words_update',
      targetType: 'flag_words',
      ip,
      details: {
        added: list.filter((w) => !had.has(w)),
        removed: before.filter((w) => !kept.has(w)),
        count: list.length,
      },
    });
  });
  return { words: list };
}

export async function startScan(deps: ModerationDeps, admin: AuthUser, ip: string): Promise<ScanProgress> {
  if (!(await claimScan(deps.redis, deps.redisKeyPrefix)))
    throw conflict('A rescan is already queued or running; wait for it to finish');
  if (!(await deps.queueScan())) {
    await releaseScan(deps.redis, deps.redisKeyPrefix);
    throw unavailable('The job queue');
  }
  await recordAudit(deps.db, {
    actorId: admin.id,
    action: 'admin.moderation_scan',
    targetType: 'content',
    ip,
  });
  return readScanProgress(deps.redis, deps.redisKeyPrefix);
}

export const scanProgress = (deps: ModerationDeps): Promise<ScanProgress> =>
  readScanProgress(deps.redis, deps.redisKeyPrefix);
