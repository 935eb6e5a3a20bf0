// Who may see an item, as one SQL condition over `content_items as c`, shared by the gallery, item
// reads, images, similar items and tag counts so no path can forget a rule.
import { sql, type Expression, type SqlBool } from 'kysely';

export interface Viewer {
  id: string;
  role: 'user' | 'admin';
}

/**
 * Public items, plus the viewer's own. Items flagged above the moderation threshold and not approved
 * are hidden from everyone but their creator. Admins see what any user sees here; `byIdForAdmin`
 * lets them open anything by id (for moderation).
 */
export function visibleTo(
  viewer: Viewer | null,
  hideThreshold: number,
  opts: { byIdForAdmin?: boolean } = {},
): Expression<SqlBool> {
  if (opts.byIdForAdmin && viewer?.role === 'admin') return sql<SqlBool>`true`;
  const notHidden = sql<SqlBool>`NOT (c.moderation_status = 'pending' AND c.risk_score > ${hideThreshold})`;
  if (!viewer) return sql<SqlBool>`(NOT c.is_private AND ${notHidden})`;
  return sql<SqlBool>`(c.creator_id = ${viewer.id} OR (NOT c.is_private AND ${notHidden}))`;
}
