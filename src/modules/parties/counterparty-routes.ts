import type { Api } from '../../platform/http/api.js';

export function counterpartyRoutes(_api: Api) {}
