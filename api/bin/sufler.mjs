#!/usr/bin/env node
// The `sufler` command. Runs the TypeScript sources through tsx, so there is no build step to forget.
import { register } from 'tsx/esm/api';

const [major] = process.versions.node.split('.').map(Number);
if (major < 22) {
  console.error(`Sufler needs Node.js 22 or newer; this is ${process.version}.`);
  process.exit(1);
}
register();
await import('../src/cli/main.ts');
