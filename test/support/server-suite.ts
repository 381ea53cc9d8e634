// The set-up the socket and HTTP suites share: a fresh Havre per test (an empty queue every time), and the
// clients a test opened closed after it.
import { afterEach, beforeEach } from 'vitest';
import type { Recorded } from './clients.ts';
import { startTestServer, type TestServer } from './server.ts';
import type { StorageKind } from './storage.ts';

export interface ServerSuite {
  readonly server: TestServer;
  track<T extends Recorded>(client: T): T;
}

/** Call inside a describe (or at the top of a file); `available: false` registers nothing to run. */
export function useTestServer(
  kind: StorageKind = 'pglite',
  { available = true, ...options }: Parameters<typeof startTestServer>[1] & { available?: boolean } = {},
): ServerSuite {
  let server: TestServer;
  const clients: Recorded[] = [];
  beforeEach(async () => {
    if (available) server = await startTestServer(kind, options);
  });
  afterEach(async () => {
    for (const client of clients.splice(0)) client.close();
    await server?.stop();
  });
  return {
    get server() {
      return server;
    },
    track(client) {
      clients.push(client);
      return client;
    },
  };
}
