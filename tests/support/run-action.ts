import { expirePoints } from '../../src/modules/crm/loyalty/expire-points.js';
import { systemActor } from '../../src/platform/actions/actor.js';
import type { TestApp } from './test-app.js';

const actions = { expirePoints };

/** Runs an action as the system in the test tenant: for jobs and other work no route exposes. */
export function runActionForTest(t: TestApp, name: keyof typeof actions, input: unknown) {
  return t.platform.runner.run(actions[name] as any, systemActor(t.acme.tenantId), input);
}
