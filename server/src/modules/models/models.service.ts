// The model catalogue (SPEC §3.1, §6): what the generate page offers, what a submission may name, and
// the sync that marks which image server has which file (from each server's /object_info).
import type { BackendList, CheckpointList, LoraPage, LoraQuery, ModelSyncResult } from '@genonaut/contracts';
import type { Database } from '../../db/database';
import { invalid } from '../../errors';
import type { BackendPool } from '../../image-backends/backend-pool';
import { numberedPage } from '../../lib/numbered-page';
import type { AuthUser } from '../../plugins/auth';
import { recordAudit } from '../audit/audit.repository';
import { openJobsByBackend } from '../generation/generation.repository';
import { mergeAvailability } from './model-availability';
import { toCheckpoint, toLora } from './models.mapper';
import {
  addModelFiles,
  checkpointArchitecture,
  countLoras,
  listCheckpoints as checkpointRows,
  listLoras as loraRows,
  lockAvailability,
  modelFiles,
  writeAvailability,
  type ModelTable,
} from './models.repository';

/** Every file the answering servers listed, once. */
const filesOf = (reports: Map<string, Set<string>>) => [
  ...new Set([...reports.values()].flatMap((files) => [...files])),
];

export async function listCheckpoints(db: Database): Promise<CheckpointList> {
  return { items: (await checkpointRows(db)).map(toCheckpoint) };
}

export async function listLoras(db: Database, query: LoraQuery): Promise<LoraPage> {
  const { checkpoint, compatibleOnly, q } = query;
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 50;
  if (compatibleOnly && !checkpoint)
    throw invalid('query.compatibleOnly', 'needs `checkpoint`, whose architecture it filters on');
  const architecture = checkpoint ? await checkpointArchitecture(db, checkpoint) : undefined;
  if (checkpoint && architecture === undefined)
    throw invalid('query.checkpoint', `unknown checkpoint "${checkpoint}"`);
  const filter = { q, ...(compatibleOnly ? { architecture } : {}) };
  const [rows, total] = await Promise.all([
    loraRows(db, filter, { limit: pageSize, offset: (page - 1) * pageSize }),
    countLoras(db, filter),
  ]);
  const fit = checkpoint && architecture !== undefined ? { filename: checkpoint, architecture } : undefined;
  return numberedPage(
    rows.map((row) => toLora(row, fit)),
    page,
    pageSize,
    total,
  );
}

/**
 * The files a submission may name: those some server has. Before any server has reported its models,
 * the whole catalogue is the best knowledge there is.
 */
export async function usableModels(db: Database): Promise<{ checkpoints: string[]; loras: string[] }> {
  const [checkpoints, loras] = await Promise.all([
    modelFiles(db, 'models_checkpoints'),
    modelFiles(db, 'models_loras'),
  ]);
  const usable = (rows: { filename: string; is_available: boolean }[]) =>
    rows.some((r) => r.is_available)
      ? rows.filter((r) => r.is_available).map((r) => r.filename)
      : rows.map((r) => r.filename);
  return { checkpoints: usable(checkpoints), loras: usable(loras) };
}

async function markAvailability(
  db: Database,
  table: ModelTable,
  reports: Map<string, Set<string>>,
  configured: string[],
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await addModelFiles(trx, table, filesOf(reports));
    const previous = await lockAvailability(trx, table);
    await writeAvailability(trx, table, mergeAvailability(previous, reports, configured));
  });
}

/**
 * Asks every image server for its models and marks the catalogue: files a server has that the catalogue
 * does not know are added; a server that does not answer keeps its last known files (see
 * mergeAvailability), so with no server answering nothing changes.
 */
export async function syncModels(db: Database, backends: BackendPool): Promise<ModelSyncResult> {
  const answers = await Promise.all(
    backends.backends.map(async (backend) => ({
      name: backend.name,
      models: await backend.models().catch(() => null),
    })),
  );
  const checkpoints = new Map<string, Set<string>>();
  const loras = new Map<string, Set<string>>();
  for (const { name, models } of answers) {
    if (!models) continue;
    checkpoints.set(name, new Set(models.checkpoints));
    loras.set(name, new Set(models.loras));
  }
  const servers = [...checkpoints.keys()];
  if (servers.length === 0) return { checkpoints: 0, loras: 0, servers };
  const configured = backends.backends.map((b) => b.name);
  await markAvailability(db, 'models_checkpoints', checkpoints, configured);
  await markAvailability(db, 'models_loras', loras, configured);
  return { checkpoints: filesOf(checkpoints).length, loras: filesOf(loras).length, servers };
}

/** An admin's sync from the API, written to the audit log with its outcome. */
export async function syncModelsAs(
  db: Database,
  backends: BackendPool,
  admin: AuthUser,
  ip: string,
): Promise<ModelSyncResult> {
  const result = await syncModels(db, backends);
  await recordAudit(db, {
    actorId: admin.id,
    action: 'admin.models_sync',
    targetType: 'models',
    ip,
    details: { ...result },
  });
  return result;
}

/** Each image server's health and queue length, with the jobs Genonaut has queued or running on it. */
export async function backendStatus(db: Database, backends: BackendPool): Promise<BackendList> {
  const [status, open] = await Promise.all([backends.status(), openJobsByBackend(db)]);
  return {
    items: status.map((s) => ({
      name: s.name,
      url: s.url,
      healthy: s.healthy,
      queueLength: s.queueLength,
      activeJobs: open.get(s.name) ?? 0,
    })),
  };
}
