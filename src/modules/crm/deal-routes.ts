import type { Api } from '../../platform/http/api.js';

export function dealRoutes(_api: Api) {}
