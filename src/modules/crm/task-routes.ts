import type { Api } from '../../platform/http/api.js';

export function taskRoutes(_api: Api) {}
