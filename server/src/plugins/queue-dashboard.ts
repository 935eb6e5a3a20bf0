// The queue dashboard (Bull Board, the counterpart of the seed's Flower) at /admin/queues: every queue
// with its jobs, schedulers' runs and outcomes. Admins only.
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import { queueNames } from '../jobs/queues';

export const QUEUE_DASHBOARD_PATH = '/admin/queues';

export const queueDashboardPlugin = fp(async (app: FastifyInstance) => {
  const serverAdapter = new FastifyAdapter();
  createBullBoard({
    queues: queueNames.map((name) => new BullMQAdapter(app.queues.get(name), { readOnlyMode: false })),
    serverAdapter,
    options: { uiConfig: { boardTitle: 'Genonaut queues' } },
  });
  serverAdapter.setBasePath(QUEUE_DASHBOARD_PATH);
  await app.register(async (board) => {
    board.addHook('onRequest', async (request, reply) => {
      if (!request.user)
        return reply
          .status(401)
          .send({ error: { code: 'unauthenticated', message: 'Sign in as an administrator' } });
      if (request.user.role !== 'admin')
        return reply
          .status(403)
          .send({ error: { code: 'forbidden', message: 'This needs an administrator' } });
    });
    await board.register(serverAdapter.registerPlugin(), { prefix: QUEUE_DASHBOARD_PATH });
  });
});
