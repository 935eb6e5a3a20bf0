#!/usr/bin/env node
// Entry point of the `genonaut` command: registers the TypeScript loader and hands over to the CLI.
import { register } from 'tsx/esm/api';

register();
await import('../src/main/cli.ts');
