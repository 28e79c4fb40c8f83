import type { Api } from '../../platform/http/api.js';

export function clientRoutes(_api: Api) {}
