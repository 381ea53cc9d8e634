// A TCP proxy on loopback between Havre and PostgreSQL that can break the path the ways real networks do
// (issue 11, item 1): `drop` lets no byte through either way and leaves connections open (a cloud network
// blip, a partition: nothing is answered, nothing is refused; bytes wait, as TCP would retransmit them once the
// path heals), `reset` kills every open connection with a TCP RST (a failover, a NAT or
// pgbouncer restart), `refuse` also turns new connections away (the server restarting), `pass` heals it all.
import { createServer, type Server, type Socket, connect as tcpConnect } from 'node:net';

export type FaultMode = 'pass' | 'drop' | 'refuse';

export interface FaultProxy {
  /** `databaseUrl` (any database of that server) reached through the proxy. */
  through(databaseUrl: string): string;
  readonly mode: FaultMode;
  /** How many client connections are open through the proxy. */
  readonly open: number;
  pass(): void;
  drop(): void;
  /** Resets every open connection; new ones are let through (or not) by the mode. */
  reset(): void;
  /** Resets every open connection and refuses new ones until `pass()`. */
  refuse(): void;
  close(): Promise<void>;
}

/** A proxy to the PostgreSQL server that `serverUrl` names (its host and port; any database on it). */
export async function startFaultProxy(serverUrl: string): Promise<FaultProxy> {
  const target = new URL(serverUrl);
  let mode: FaultMode = 'pass';
  const pairs = new Set<[Socket, Socket]>();
  /** Bytes held back while dropping, per destination, sent in order once the path heals. */
  const held = new Map<Socket, Buffer[]>();

  const server: Server = createServer((client) => {
    if (mode === 'refuse') return client.resetAndDestroy();
    const upstream = tcpConnect(Number(target.port || 5432), target.hostname);
    const pair: [Socket, Socket] = [client, upstream];
    pairs.add(pair);
    const forward = (from: Socket, to: Socket) =>
      from.on('data', (chunk) => {
        if (mode === 'pass') to.write(chunk);
        else held.set(to, [...(held.get(to) ?? []), chunk]);
      });
    forward(client, upstream);
    forward(upstream, client);
    const end = () => {
      pairs.delete(pair);
      held.delete(client);
      held.delete(upstream);
      client.destroy();
      upstream.destroy();
    };
    for (const socket of pair) {
      socket.on('error', end);
      socket.on('close', end);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('fault proxy: no port');

  const resetAll = () => {
    for (const [client, upstream] of pairs) {
      client.resetAndDestroy();
      upstream.resetAndDestroy();
    }
    pairs.clear();
    held.clear();
  };

  return {
    through(databaseUrl) {
      const url = new URL(databaseUrl);
      url.host = `127.0.0.1:${address.port}`;
      return url.toString();
    },
    get mode() {
      return mode;
    },
    get open() {
      return pairs.size;
    },
    pass: () => {
      mode = 'pass';
      for (const [socket, chunks] of held) if (!socket.destroyed) for (const chunk of chunks) socket.write(chunk);
      held.clear();
    },
    drop: () => {
      mode = 'drop';
    },
    reset: resetAll,
    refuse: () => {
      mode = 'refuse';
      resetAll();
    },
    async close() {
      resetAll();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
