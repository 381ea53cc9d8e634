// The Fastify application: JSON API, the two web apps, security headers and the one error mapping.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, LogController } from 'fastify';
import type { Logger } from 'pino';
import { MAX_HTTP_BODY_BYTES } from '../../protocol/limits.ts';
import { toErrorAnswer } from '../errors.ts';

/** Same-origin everything, no inline script: a visitor's page can load nothing from anywhere else. */
const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const securityHeaders = {
  // Nothing of Havre may stay in the browser's cache, where someone else using the device could find it.
  'cache-control': 'no-store',
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'content-security-policy': contentSecurityPolicy,
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
  'cross-origin-opener-policy': 'same-origin',
};

export function createHttpApp({ log, webRoot, trustProxy }: { log: Logger; webRoot: string; trustProxy: boolean }) {
  const app = Fastify({
    loggerInstance: log as FastifyBaseLogger,
    // Fastify's request logs carry the client address; Havre logs no address, so they are off.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: MAX_HTTP_BODY_BYTES,
    trustProxy,
  });

  app.addHook('onSend', async (_request, reply) => {
    reply.headers(securityHeaders);
  });

  app.setErrorHandler((error, _request, reply) => {
    const fastifyStatus = (error as { statusCode?: number }).statusCode;
    if (fastifyStatus && fastifyStatus >= 400 && fastifyStatus < 500) {
      // Malformed JSON, a body too large, a wrong content type: the caller's mistake, said plainly.
      return reply
        .code(fastifyStatus)
        .send({ ok: false, error: { code: 'INVALID_PAYLOAD', message: (error as Error).message } });
    }
    const { status, body } = toErrorAnswer(error, log);
    return reply.code(status).send(body);
  });

  app.setNotFoundHandler((_request, reply) =>
    reply.code(404).send({ ok: false, error: { code: 'NOT_FOUND', message: 'not found' } }),
  );

  registerWebApps(app, webRoot);
  return app;
}

function registerWebApps(app: FastifyInstance, webRoot: string) {
  if (!existsSync(join(webRoot, 'visitor/index.html'))) {
    app.log.warn('web apps are not built: run `npm run build`');
    const notBuilt = 'Havre web apps are not built yet: run `npm run build`.';
    app.get('/', (_request, reply) => reply.code(503).type('text/plain').send(notBuilt));
    app.get('/console', (_request, reply) => reply.code(503).type('text/plain').send(notBuilt));
    return;
  }
  app.register(fastifyStatic, {
    root: join(webRoot, 'assets'),
    prefix: '/assets/',
    index: false,
    cacheControl: false,
  });
  app.get('/', (_request, reply) => reply.sendFile('visitor/index.html', webRoot));
  app.get('/console', (_request, reply) => reply.sendFile('console/index.html', webRoot));
}
