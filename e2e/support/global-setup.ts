// Starts the product once for the whole run and signs the demo user in once: the API allows a handful
// of logins per minute from one address, and every browser test comes from 127.0.0.1.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { request } from '@playwright/test';
import { BASE_URL, DEMO_PASSWORD, DEMO_STATE, MOCK_PORT, PORT } from './settings';
import { startStack } from './stack';

export default async function globalSetup(): Promise<() => Promise<void>> {
  const stack = await startStack({ port: PORT, mockPort: MOCK_PORT, demoPassword: DEMO_PASSWORD });
  try {
    const api = await request.newContext({ baseURL: BASE_URL, extraHTTPHeaders: { Origin: BASE_URL } });
    const response = await api.post('/api/v1/auth/login', {
      data: { login: 'demo', password: DEMO_PASSWORD },
    });
    if (!response.ok()) throw new Error(`Demo login failed: ${response.status()} ${await response.text()}`);
    mkdirSync(path.dirname(DEMO_STATE), { recursive: true });
    await api.storageState({ path: DEMO_STATE });
    await api.dispose();
  } catch (error) {
    await stack.stop();
    throw error;
  }
  return stack.stop;
}
