// The fault switches over HTTP (GET/POST/DELETE /mock/faults) and the hook that applies the request-level
// ones. /mock/* itself is never refused, delayed or failed, so a test can always switch a fault back off.
import type { FastifyInstance } from 'fastify';
import { checkFaultPatch, type FaultSwitch, type MockFaults } from './faults';

/** aiohttp's answer when a handler raises. */
const serverErrorBody = '500 Internal Server Error\n\nServer got itself in trouble';

export function faultRoutes(faults: FaultSwitch) {
  return async (mock: FastifyInstance) => {
    mock.get('/mock/faults', async () => faults.get());

    mock.post('/mock/faults', async (request, reply) => {
      const problems = checkFaultPatch(request.body);
      if (problems.length > 0) return reply.status(400).send({ error: 'invalid faults', problems });
      return faults.set(request.body as Partial<MockFaults>);
    });

    mock.delete('/mock/faults', async () => faults.reset());
  };
}

/** Refusal, delay and 5xx faults, applied before routing so they also hit /ws and unknown paths. */
export function installFaultHooks(app: FastifyInstance, faults: FaultSwitch, basePath: string): void {
  const controlPrefix = `${basePath}/mock/`;
  app.addHook('onRequest', async (request, reply) => {
    if (request.url.startsWith(controlPrefix)) return;
    const current = faults.get();
    if (current.refuseConnections) {
      // No HTTP answer at all: the client sees a reset connection, as with a server that is down.
      reply.hijack();
      request.raw.socket.destroy();
      return;
    }
    if (current.responseDelayMs > 0)
      await new Promise((resolve) => setTimeout(resolve, current.responseDelayMs));
    if (!request.ws && faults.takeServerError()) {
      return reply.status(500).type('text/plain; charset=utf-8').send(serverErrorBody);
    }
  });
}
