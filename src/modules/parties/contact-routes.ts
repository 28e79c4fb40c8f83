import type { Api } from '../../platform/http/api.js';

export function contactRoutes(_api: Api) {}
