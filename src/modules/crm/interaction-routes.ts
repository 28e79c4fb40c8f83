import type { Api } from '../../platform/http/api.js';

export function interactionRoutes(_api: Api) {}
