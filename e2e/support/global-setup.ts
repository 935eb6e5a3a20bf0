// Starts the product once for the whole run and signs the demo user and the admin in once each: the API allows a handful
// of logins per minute from one address, and every browser test comes from 127.0.0.1.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { request } from '@playwright/test';
import { ADMIN_STATE, BASE_URL, DEMO_PASSWORD, DEMO_STATE, MOCK_PORT, PORT } from './settings';
import { startStack } from './stack';

export default async function globalSetup(): Promise<() => Promise<void>> {
  const stack = await startStack({ port: PORT, mockPort: MOCK_PORT, demoPassword: DEMO_PASSWORD });
  try {
    for (const [login, file] of [
      ['demo', DEMO_STATE],
      ['admin', ADMIN_STATE],
    ] as const) {
      const api = await request.newContext({ baseURL: BASE_URL, extraHTTPHeaders: { Origin: BASE_URL } });
      const response = await api.post('/api/v1/auth/login', { data: { login, password: DEMO_PASSWORD } });
      if (!response.ok())
        throw new Error(`${login} login failed: ${response.status()} ${await response.text()}`);
      mkdirSync(path.dirname(file), { recursive: true });
      await api.storageState({ path: file });
      await api.dispose();
    }
  } catch (error) {
    await stack.stop();
    throw error;
  }
  return stack.stop;
}
