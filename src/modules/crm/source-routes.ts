import type { Api } from '../../platform/http/api.js';

export function sourceRoutes(_api: Api) {}
