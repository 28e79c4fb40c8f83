import type { Api } from '../../platform/http/api.js';

export function webFormRoutes(_api: Api) {}
