import type { Api } from '../../platform/http/api.js';

export function leadRoutes(_api: Api) {}
