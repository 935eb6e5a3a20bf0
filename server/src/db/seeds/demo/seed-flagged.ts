// A few demo items whose titles and prompts use mild words of the shipped flag list, so a fresh install
// has a review queue: low-risk ones that stay visible, and two above the default hide threshold (75)
// that only their creators and admins see until approved. Keyed by metadata.demoFlagKey (idempotent).
import type { Database } from '../../database';
import type { StorageBackend } from '../../../storage/storage';
import { screenContent } from '../../../modules/moderation/moderation-screen.repository';
import { loadCheckpoints, loadLoras } from '../catalogue';
import { createRng } from '../vocabulary/compose-prompt';
import { drawParams } from './demo-params';
import { renderMissingImages, seededKeys } from './seed-content';
import type { DemoPeople } from './seed-people';

const DAY_MS = 86_400_000;

/** Risks with the shipped list (§9.5 formula): 17.33, 17.72, 23.72, 78.33 and 85 (the last two hidden). */
export const flaggedDemoItems = [
  { title: 'Knight with a Weapon', prompt: 'a knight holding a weapon in a misty forest, oil painting' },
  { title: 'Still Life with Knife', prompt: 'a kitchen knife beside lemons on a table, soft daylight' },
  { title: 'Duel at Dawn', prompt: 'two fencers attack at dawn, a knife on the wet ground' },
  { title: 'Weapon Attack', prompt: 'knife, gun and violence' },
  { title: 'Gun Violence Attack', prompt: 'weapon knife' },
] as const;

export async function seedFlaggedExamples(
  db: Database,
  storage: StorageBackend,
  people: DemoPeople,
  opts: { now: Date; log: (message: string) => void },
): Promise<number> {
  const existing = await seededKeys(db, 'demoFlagKey');
  const checkpoints = loadCheckpoints();
  const loras = loadLoras();
  const rows = flaggedDemoItems.flatMap((item, key) => {
    if (existing.has(key)) return [];
    const params = drawParams(createRng(90_001 + key), checkpoints, loras);
    return [
      {
        source: 'regular' as const,
        creator_id: people.communityIds[key % Math.max(1, people.communityIds.length)] ?? people.demoId,
        title: item.title,
        prompt: item.prompt,
        checkpoint: params.checkpoint,
        loras: JSON.stringify(params.loras),
        seed: params.seed,
        steps: params.steps,
        cfg: params.cfg,
        sampler: params.sampler,
        scheduler: params.scheduler,
        denoise: params.denoise,
        width: 512,
        height: 512,
        metadata: JSON.stringify({ demoFlagKey: key }),
        created_at: new Date(opts.now.getTime() - (key + 1) * DAY_MS),
      },
    ];
  });
  if (rows.length > 0) {
    await db.transaction().execute(async (trx) => {
      const inserted = await trx.insertInto('content_items').values(rows).returning('id').execute();
      await screenContent(
        trx,
        inserted.map((r) => r.id),
      );
    });
    opts.log(`Created ${rows.length} demo items for the moderation queue`);
  }
  await renderMissingImages(db, storage, opts.log, 'demoFlagKey');
  return rows.length;
}
