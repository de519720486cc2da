#!/usr/bin/env node
// The `icp` command line. The CLI is TypeScript next to the extension code (the same lib/ modules), so this
// launcher registers tsx's loader and hands over to cli/main.ts. Paths are relative to this file: any cwd works,
// and the project's tsconfig is used even when the cwd has another one.
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

register({ tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)) });
await import(new URL('../cli/main.ts', import.meta.url).href);
