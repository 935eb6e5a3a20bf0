import { defineJob } from '../../jobs/job-definition';
import { syncModels } from './models.service';

export const modelsJobs = [
  defineJob({
    name: 'sync-models',
    queue: 'maintenance',
    description: 'Read each image server’s models and mark the catalogue’s availability',
    schedule: '*/10 * * * *',
    run: async (ctx) => ({ ...(await syncModels(ctx.db, ctx.backends)) }),
  }),
];
