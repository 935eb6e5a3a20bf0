import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
/** The release, from the server package's manifest. */
export const version: string = (require('../package.json') as { version: string }).version;
