import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { findFreePort, isPortFree } from './free-port';

describe('free ports', () => {
  it('finds a port that is free, and sees it taken once something listens', async () => {
    const port = await findFreePort();
    expect(port).toBeGreaterThan(0);
    expect(await isPortFree(port)).toBe(true);
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    try {
      expect(await isPortFree(port)).toBe(false);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
