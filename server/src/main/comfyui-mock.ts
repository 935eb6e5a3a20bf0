import type { Config } from '../config';
import { buildComfyMock, comfyMockControl, type ComfyMockControl } from '../comfyui-mock/server';
import { onShutdown } from './shutdown';

/** Starts the mock on `port` and returns its base URL (with MOCK_BASE_PATH). */
export async function listenComfyMock(
  config: Config,
  port = config.mockPort,
): Promise<{ url: string; control: ComfyMockControl; close(): Promise<void> }> {
  const app = await buildComfyMock({ basePath: config.mockBasePath, stepMs: config.mockStepMs });
  const address = await app.listen({ host: config.host, port });
  return {
    url: `http://127.0.0.1:${new URL(address).port}${config.mockBasePath}`,
    control: comfyMockControl(app),
    close: () => app.close(),
  };
}

export async function runComfyMock(config: Config): Promise<void> {
  const mock = await listenComfyMock(config);
  console.log(`ComfyUI mock listening on ${mock.url} (fault switches at ${mock.url}/mock/faults)`);
  onShutdown(() => mock.close());
}
