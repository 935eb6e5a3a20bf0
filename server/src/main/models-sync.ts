// `genonaut models sync`: asks every image server of COMFYUI_URLS for its models now and marks the
// catalogue, as the scheduled sync-models job and the admin's POST /models/sync do.
import type { Config } from '../config';
import { createDatabase } from '../db/database';
import { backendPoolFor } from '../image-backends/backend-pool';
import { syncModels } from '../modules/models/models.service';

export async function runModelsSync(config: Config, databaseUrl: string): Promise<void> {
  const backends = backendPoolFor(config);
  if (backends.backends.length === 0) {
    console.error('COMFYUI_URLS is not set: there is no image server to ask for its models.');
    process.exit(2);
  }
  const db = createDatabase({ url: databaseUrl, poolSize: 2, applicationName: 'genonaut-models-sync' });
  try {
    const result = await syncModels(db, backends);
    const silent = backends.backends.filter((b) => !result.servers.includes(b.name));
    for (const backend of silent) {
      console.error(`${backend.name} (${backend.url}) did not answer; its last known models are kept.`);
    }
    if (result.servers.length === 0) {
      console.error('No image server answered: the catalogue is unchanged.');
      process.exitCode = 1;
      return;
    }
    console.log(
      `Synced ${result.checkpoints} checkpoint(s) and ${result.loras} LoRA(s) from ${result.servers.join(', ')}.`,
    );
  } finally {
    await db.destroy();
  }
}
