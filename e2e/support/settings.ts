// What the configuration, the global setup and the tests share. Ports stay clear of a developer's
// `npm start` (8001, mock 8189); E2E_PORT and E2E_MOCK_PORT move them.
import path from 'node:path';
import { artifactsDir } from './stack';

export const PORT = Number(process.env.E2E_PORT ?? '8501');
export const MOCK_PORT = Number(process.env.E2E_MOCK_PORT ?? '8589');
export const BASE_URL = `http://localhost:${PORT}`;

/** The password of the seeded `demo` and `admin` accounts in the run's own database. */
export const DEMO_PASSWORD = 'e2e-demo-password';

/** Cookies of a signed-in `demo` session, written by the global setup. */
export const DEMO_STATE = path.join(artifactsDir, '.auth', 'demo.json');

/** Cookies of a signed-in `admin` session (same seeded password), written by the global setup. */
export const ADMIN_STATE = path.join(artifactsDir, '.auth', 'admin.json');
