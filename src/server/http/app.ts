// The Fastify application: JSON API, the two web apps, security headers and the one error mapping.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyReply, LogController } from 'fastify';
import type { Logger } from 'pino';
import { MAX_HTTP_BODY_BYTES } from '../../protocol/limits.ts';
import type { Settings } from '../../protocol/schemas.ts';
import { toErrorAnswer } from '../errors.ts';
import { iconSvg } from './neutral-icons.ts';
import { refuseCrossSiteWrites } from './same-origin.ts';
import { securityHeaders } from './security-headers.ts';
import { httpServerOptions, type ServerTimeouts } from './server-timeouts.ts';
import { compressedFor, loadVisitorPage } from './visitor-page.ts';

type VisitorPageSettings = Settings['visitorPage'];

interface HttpAppOptions {
  log: Logger;
  webRoot: string;
  /** Reverse proxies in front, whose X-Forwarded-* entries are believed (0: none). */
  trustProxy: number;
  /** Where people reach Havre (PUBLIC_URL), if set: its origin may write, and https there turns HSTS on. */
  publicUrl: string | null;
  /** The admin's visitor-page settings as last read (neutral title, sites allowed to frame the page). */
  visitorPage: () => VisitorPageSettings;
  /** Told each time the visitor page is served (a count for the statistics, nothing about who). */
  onVisitorPage?: () => void;
  timeouts: ServerTimeouts;
}

export interface RouteEntry {
  method: string;
  url: string;
}

export function createHttpApp({
  log,
  webRoot,
  trustProxy,
  publicUrl,
  visitorPage,
  onVisitorPage,
  timeouts,
}: HttpAppOptions) {
  const app = Fastify({
    ...httpServerOptions(timeouts),
    loggerInstance: log as FastifyBaseLogger,
    // Fastify's request logs carry the client address; Havre logs no address, so they are off.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: MAX_HTTP_BODY_BYTES,
    // The `trustProxy` nearest hops are believed (0: none), like socketAddress for the sockets.
    trustProxy: (_address: string, hop: number) => hop < trustProxy,
  });
  // Every route, so that the authorization test can hold each one to a rule (and fail on one it does not know).
  const routes: RouteEntry[] = [];
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) if (method !== 'HEAD') routes.push({ method, url: route.url });
  });

  refuseCrossSiteWrites(app, publicUrl);
  // Fastify parses text/plain bodies by default: the one kind an HTML form on another page can send with
  // cookies and no preflight. Havre's API speaks JSON only (anything else: 415).
  app.removeContentTypeParser('text/plain');
  const overHttps = publicUrl?.startsWith('https:') ?? false;

  // Only the visitor page's own reply may be framed, by the origins its handler recorded here.
  /** The visitor page's replies: who may frame it, and its inline script's hash. */
  const visitorReplies = new WeakMap<FastifyReply, { embedOrigins: readonly string[]; scripts: readonly string[] }>();
  app.addHook('onSend', async (_request, reply) => {
    const page = visitorReplies.get(reply);
    reply.headers(securityHeaders(page?.embedOrigins, page?.scripts, { overHttps }));
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
    if (body.error.retryAfterSeconds !== undefined) reply.header('retry-after', String(body.error.retryAfterSeconds));
    return reply.code(status).send(body);
  });

  app.setNotFoundHandler((_request, reply) =>
    reply.code(404).send({ ok: false, error: { code: 'NOT_FOUND', message: 'not found' } }),
  );

  // Nothing here waits on the database: the page (with its quick exit and emergency numbers) must load while
  // it is away, with the settings last read.
  app.get('/favicon.svg', async (_request, reply) => reply.type('image/svg+xml').send(iconSvg(visitorPage().icon)));
  registerWebApps(app, webRoot, (reply, scripts) => {
    const page = visitorPage();
    // A page someone opened; a HEAD (an uptime probe) is no visit.
    if (reply.request.method === 'GET') onVisitorPage?.();
    visitorReplies.set(reply, { embedOrigins: page.embedOrigins, scripts });
    return page;
  });
  return { app, routes };
}

/**
 * Resolves the visitor page's settings for this reply (neutral title, quick-exit address), lets it be framed as
 * the admin allows and run its inline scripts.
 */
type VisitorPageFor = (reply: FastifyReply, scripts: readonly string[]) => VisitorPageSettings;

function registerWebApps(app: FastifyInstance, webRoot: string, visitorPageFor: VisitorPageFor) {
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
    // Built as .br and .gz next to each asset (vite.config.ts): the smallest the browser accepts is sent.
    preCompressed: true,
  });
  const visitorPage = loadVisitorPage(join(webRoot, 'visitor/index.html'));
  app.get('/', async (request, reply) => {
    const html = visitorPage.render(visitorPageFor(reply, visitorPage.scriptHashes));
    const { body, encoding } = compressedFor(request.headers['accept-encoding'], html);
    if (encoding) reply.header('content-encoding', encoding);
    return reply.header('vary', 'accept-encoding').type('text/html; charset=utf-8').send(body);
  });
  app.get('/console', (_request, reply) => reply.sendFile('console/index.html', webRoot));
}
