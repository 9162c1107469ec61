#!/usr/bin/env node
// The `pamong` command. TypeScript sources run through tsx's loader, so there is no server build step.
import { register } from 'tsx/esm/api';

register();
await import('../src/server/main.ts');
