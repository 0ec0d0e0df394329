#!/usr/bin/env node
// The `letterday` command: runs the TypeScript sources through tsx, with no build step.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
