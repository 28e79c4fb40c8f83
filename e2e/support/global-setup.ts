import type { TestProject } from 'vitest/node';
import { type RunningTandem, startTandem } from './tandem-server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

let tandem: RunningTandem | undefined;

/** One Tandem for the whole run: starting it (migrations, demo data, web build) takes seconds. */
export async function setup(project: TestProject) {
  tandem = await startTandem();
  project.provide('baseUrl', tandem.url);
}

export async function teardown() {
  await tandem?.stop();
}
