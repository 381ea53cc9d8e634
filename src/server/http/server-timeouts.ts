// How long a client may take before the server lets go of her connection: a slow or silent client (a raid
// sending headers or a body byte by byte, or sockets opened and left idle) is cut within seconds, while a
// phone on a bad 3G link still passes. The numbers and their reasons are in docs/decisions/0020-slow-clients.md.

export interface ServerTimeouts {
  /** From the first byte of a connection (or of a kept-alive request) until its headers are all in. */
  headersMs: number;
  /** From the first byte until the whole request, body included, is in. */
  requestMs: number;
  /** An idle kept-alive HTTP connection between two requests. */
  keepAliveMs: number;
  /** How often Node looks for requests past the two limits above: a late one waits at most this much more. */
  checkEveryMs: number;
  /** From the engine.io handshake until the Socket.IO namespace connect (a visitor's or staff member's). */
  socketConnectMs: number;
  /** Heartbeat of an open Socket.IO connection: a ping every `pingIntervalMs`, its pong due within `pingTimeoutMs`. */
  pingIntervalMs: number;
  pingTimeoutMs: number;
  /** A long-polling connection upgrading to WebSocket must finish within this. */
  upgradeMs: number;
}

export const DEFAULT_SERVER_TIMEOUTS: Readonly<ServerTimeouts> = Object.freeze({
  headersMs: 10_000,
  requestMs: 30_000,
  keepAliveMs: 10_000,
  checkEveryMs: 1_000,
  socketConnectMs: 10_000,
  pingIntervalMs: 25_000,
  pingTimeoutMs: 20_000,
  upgradeMs: 10_000,
});

/** The Fastify options that set Node's HTTP server limits. */
export function httpServerOptions(timeouts: ServerTimeouts) {
  return {
    requestTimeout: timeouts.requestMs,
    keepAliveTimeout: timeouts.keepAliveMs,
    // No inactivity timeout on the socket: it cannot stop a client that sends a byte now and then, and it
    // would cut long-polling responses and upgraded WebSockets, which have their own heartbeat.
    connectionTimeout: 0,
    http: { headersTimeout: timeouts.headersMs, connectionsCheckingInterval: timeouts.checkEveryMs },
  };
}

/** The engine.io and Socket.IO options that bound a connection's handshake and heartbeat. */
export function socketServerOptions(timeouts: ServerTimeouts) {
  return {
    connectTimeout: timeouts.socketConnectMs,
    pingInterval: timeouts.pingIntervalMs,
    pingTimeout: timeouts.pingTimeoutMs,
    upgradeTimeout: timeouts.upgradeMs,
    // Compression of WebSocket frames costs memory per connection and opens compression attacks (OWASP);
    // chat messages are small. Off is engine.io's default: said here so that it stays so.
    perMessageDeflate: false,
  };
}
