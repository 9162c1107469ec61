#!/usr/bin/env node
// `npm run bench [-- --json] [-- name-filter]`: runs every bench/*.bench.ts and prints one line per figure.
import { register } from 'tsx/esm/api';

register();
await import('../bench/run.ts');
