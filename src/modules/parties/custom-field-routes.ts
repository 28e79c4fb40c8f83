import type { Api } from '../../platform/http/api.js';

export function customFieldRoutes(_api: Api) {}
