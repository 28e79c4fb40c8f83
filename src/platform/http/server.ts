import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { registerAjvFormats, TypeBoxValidatorCompiler } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyRequest } from 'fastify';
import type { Platform } from '../platform.js';
import type { Api } from './api.js';
import { errorHandler, sendProblem } from './errors.js';
import { moduleOff, notFound, Problem, ProblemSchema, unauthenticated } from './problem.js';

export const SESSION_COOKIE = 'tandem_session';
const webDist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../web/dist');

registerAjvFormats();

function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  return match ? match[1] : '';
}

export interface ServerOptions {
  logger?: boolean;
}

export async function buildServer(platform: Platform, options: ServerOptions = {}) {
  const app = Fastify({
    logger: options.logger ? { level: platform.config.logLevel } : false,
    bodyLimit: 1024 * 1024,
    trustProxy: platform.config.trustProxy,
    ajv: { customOptions: { allErrors: true } },
  })
    .setValidatorCompiler(TypeBoxValidatorCompiler)
    .withTypeProvider() as unknown as Api;

  app.decorate('platform', platform);
  app.decorateRequest('actor', null as any);
  app.decorateRequest('session', undefined);
  app.decorateRequest('run', function (this: FastifyRequest, action: any, input: any) {
    const key = this.headers['idempotency-key'];
    const idempotencyKey = typeof key === 'string' && key ? key : undefined;
    return platform.runner
      .runWithReplay(action, this.actor, input, { idempotencyKey })
      .then(({ result, replayed }) => {
        if (replayed) (this as any).replayed = true;
        return result;
      });
  } as any);
  app.decorateRequest('read', function (this: FastifyRequest, work: any) {
    return platform.read(this.actor, work);
  } as any);

  app.setErrorHandler(errorHandler);
  // Every documented route can answer a problem; say so once for all of them.
  app.addHook('onRoute', (route) => {
    if (!route.schema || (route.schema as { hide?: boolean }).hide) return;
    const schema = route.schema as { response?: Record<string, unknown> };
    schema.response = { '4xx': ProblemSchema, ...schema.response };
  });
  await app.register(cookie);
  await app.register(rateLimit, {
    global: false,
    // After body parsing (a route keys its limit on the email tried), before validation (bad requests count too).
    hook: 'preValidation',
    errorResponseBuilder: (_request, context) =>
      new Problem(429, 'Too many attempts', `Too many attempts. Try again in ${context.after}.`),
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Tandem API',
        version: '1',
        description:
          'CRM, ERP and BPM on one database. Errors are application/problem+json. Lists use cursor pagination. ' +
          'POSTs accept an Idempotency-Key header. Authenticate with the session cookie or "Authorization: Bearer <API token>".',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { bearer: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  app.get('/healthz', { config: { public: true }, schema: { hide: true } }, async () => {
    await platform.database.query('select 1');
    return { status: 'ok', database: platform.database.mode };
  });

  await app.register(
    async (api: Api) => {
      api.addHook('onRequest', async (request, reply) => {
        if (request.routeOptions.config.public) return;
        const bearer = bearerToken(request);
        const cookieToken = request.cookies[SESSION_COOKIE];
        const found =
          bearer !== undefined
            ? await platform.auth.byApiToken(bearer)
            : cookieToken
              ? await platform.auth.bySession(cookieToken)
              : undefined;
        if (!found)
          return sendProblem(
            reply,
            unauthenticated(
              bearer !== undefined ? 'The API token is unknown, expired or revoked.' : undefined,
            ),
          );
        request.actor = found.actor;
        request.session = found.session;
      });
      api.addHook('onSend', async (request, reply, payload) => {
        if ((request as any).replayed) reply.header('idempotency-replayed', 'true');
        return payload;
      });
      api.get('/openapi.json', { config: { public: true }, schema: { hide: true } }, async () =>
        app.swagger(),
      );
      for (const module of platform.modules.modules) {
        if (!module.routes) continue;
        await api.register(async (scope: Api) => {
          if (module.switchable) {
            scope.addHook('onRequest', async (request, reply) => {
              if (!request.actor) return;
              const off = await platform.modules.switchedOff(platform.db, request.actor.tenantId);
              if (off.has(module.key)) return sendProblem(reply, moduleOff(module.key));
            });
          }
          module.routes!(scope);
        });
      }
    },
    { prefix: '/api/v1' },
  );

  const hasWeb = fs.existsSync(path.join(webDist, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, { root: webDist, wildcard: false, index: false });
  }
  app.setNotFoundHandler((request, reply) => {
    const url = request.url.split('?')[0];
    if (url.startsWith('/api/') || !hasWeb || request.method !== 'GET' || path.extname(url)) {
      return sendProblem(reply, notFound(`${request.method} ${url}`));
    }
    // Client-side routes: the web app decides what /settings/users shows.
    return reply.type('text/html').sendFile('index.html');
  });
  return app;
}
