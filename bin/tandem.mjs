#!/usr/bin/env node
// Runs the TypeScript sources directly: one less build step between `npm install` and a working app.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli.ts');
