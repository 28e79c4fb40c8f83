import type { Api } from '../../platform/http/api.js';

export function pipelineRoutes(_api: Api) {}
