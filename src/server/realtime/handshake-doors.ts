// Socket handshakes held per network before Socket.IO does any work for them: the origin check first, then
// the network's handshake bucket. Open sockets are counted per network on both namespaces, and a socket past
// the network's share is disconnected as soon as it connects (decision 0018).
import type { IncomingMessage } from 'node:http';
import type { Namespace, Socket } from 'socket.io';
import type { DoorGuard } from '../services/door-guard.ts';
import { type NetworkHasher, socketAddress } from '../services/network-hash.ts';

type AllowRequest = (request: IncomingMessage, callback: (error: string | null, success: boolean) => void) => void;

interface Deps {
  doors: DoorGuard;
  networks: NetworkHasher;
  trustProxy: number;
}

export function handshakeDoors({ doors, networks, trustProxy }: Deps) {
  const networkOf = (address: string, headers: IncomingMessage['headers']) =>
    networks.hash(socketAddress({ address, headers }, trustProxy));

  return {
    /** Wraps an `allowRequest`: a handshake it allows is then taken from the network's bucket. */
    allowRequest(inner: AllowRequest): AllowRequest {
      return (request, callback) =>
        inner(request, (error, success) => {
          if (!success) return callback(error, false);
          const network = networkOf(request.socket.remoteAddress ?? '', request.headers);
          doors.take('handshakes', network).then(
            () => callback(null, true),
            () => callback('RATE_LIMITED', false),
          );
        });
    },

    /**
     * Counts this namespace's connected sockets per network (after its own middleware: a refused staff handshake
     * never connects, so never counts); one past the network's share is sent away.
     */
    countConnections(namespace: Namespace): void {
      namespace.on('connection', (socket: Socket) => {
        const network = networkOf(socket.handshake.address, socket.handshake.headers);
        doors.open(network).then(
          () => {
            if (socket.disconnected) return void doors.closed(network);
            socket.once('disconnect', () => void doors.closed(network));
          },
          () => socket.disconnect(true),
        );
      });
    },
  };
}
