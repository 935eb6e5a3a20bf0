// Flag rows → the contract shapes of the review queue.
import type { FlaggedItem, FlaggedItemDetail, FlagStatus } from '@genonaut/contracts';
import { toContentSummary } from '../content/content.mapper';
import { flagChecker, riskBreakdown } from './flag-check';
import type { FlaggedRow } from './moderation.repository';

const statusOf = (status: string): FlagStatus =>
  status === 'approved' ? 'approved' : status === 'removed' ? 'removed' : 'pending';

export function toFlaggedItem(row: FlaggedRow): FlaggedItem {
  return {
    id: row.flag_id,
    contentId: row.id,
    riskScore: row.flag_risk_score,
    flaggedWords: row.flagged_words,
    status: statusOf(row.flag_status),
    totalWords: row.total_words,
    problemWords: row.problem_words,
    problemPercentage: row.problem_percentage,
    reviewedBy: row.reviewed_by,
    reviewedAt: row.reviewed_at?.toISOString() ?? null,
    notes: row.notes,
    createdAt: row.flag_created_at.toISOString(),
    content: toContentSummary({ ...row, prompt_preview: row.prompt.slice(0, 200) }, false),
  };
}

export function toFlaggedDetail(row: FlaggedRow, hideThreshold: number): FlaggedItemDetail {
  // Highlights use the words the item was flagged for, so they match the counts shown beside them even
  // after the list changed.
  const check = flagChecker(row.flagged_words);
  const highlights = (text: string) =>
    check(text).matches.map((m) => ({ word: m.word, index: m.index, length: m.length }));
  return {
    ...toFlaggedItem(row),
    title: row.title,
    prompt: row.prompt,
    titleHighlights: highlights(row.title),
    promptHighlights: highlights(row.prompt),
    riskBreakdown: riskBreakdown(row.problem_percentage, row.problem_words, row.flagged_words.length),
    hiddenFromOthers: row.flag_status === 'pending' && row.flag_risk_score > hideThreshold,
  };
}
