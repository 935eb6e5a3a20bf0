// The ordered list of migrations. Listed statically (not read from the folder at run time) so every
// runner (tsx, vitest, a bundle) loads them the same way; a unit test checks none is missing here.
import type { Migration } from 'kysely';
import * as m20261127000100 from './20261127000100_users';
import * as m20261127000200 from './20261127000200_tags';
import * as m20261127000300 from './20261127000300_generation';
import * as m20261127000400 from './20261127000400_content';
import * as m20261127000500 from './20261127000500_engagement';
import * as m20261127000600 from './20261127000600_moderation_analytics';
import * as m20261127000700 from './20261127000700_gen_source_public_count';
import * as m20261201000100 from './20261201000100_gallery_performance';
import * as m20261201000200 from './20261201000200_bookmark_share_links';
import * as m20261201000300 from './20261201000300_search_history_limit';
import * as m20261202000100 from './20261202000100_recommendation_refreshes';
import * as m20261202000200 from './20261202000200_moderation_audit_index';
import * as m20261202000500 from './20261202000500_cache_invalidation';
import * as m20261203000100 from './20261203000100_recommendations_leave_on_engagement';
import * as m20261203000200 from './20261203000200_generation_queue_job_id';
import * as m20261204000100 from './20261204000100_caller_cache_invalidation';

export const migrations: Record<string, Migration> = {
  '20261127000100_users': m20261127000100,
  '20261127000200_tags': m20261127000200,
  '20261127000300_generation': m20261127000300,
  '20261127000400_content': m20261127000400,
  '20261127000500_engagement': m20261127000500,
  '20261127000600_moderation_analytics': m20261127000600,
  '20261127000700_gen_source_public_count': m20261127000700,
  '20261201000100_gallery_performance': m20261201000100,
  '20261201000200_bookmark_share_links': m20261201000200,
  '20261201000300_search_history_limit': m20261201000300,
  '20261202000100_recommendation_refreshes': m20261202000100,
  '20261202000200_moderation_audit_index': m20261202000200,
  '20261202000500_cache_invalidation': m20261202000500,
  '20261203000100_recommendations_leave_on_engagement': m20261203000100,
  '20261203000200_generation_queue_job_id': m20261203000200,
  '20261204000100_caller_cache_invalidation': m20261204000100,
};
