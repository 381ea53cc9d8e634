// Opens the staff socket for as long as the workspace is on screen and re-renders on every state change.
import { useEffect, useRef, useState } from 'preact/hooks';
import { io, type Socket } from 'socket.io-client';
import { namespaces } from '../../src/protocol/events.ts';
import { SOCKET_TRANSPORTS } from '../ui/socket-transports.ts';
import { type ConsoleClient, createConsoleClient } from './console-client.ts';
import { type ConsoleState, initialConsoleState } from './console-state.ts';

export function useConsoleClient(onSessionLost: (client: ConsoleClient) => void): {
  state: ConsoleState;
  client: ConsoleClient | null;
  /** The same socket, for the features that add their own events (supervision, whispers). */
  socket: Socket | null;
} {
  const [state, setState] = useState<ConsoleState>(initialConsoleState);
  const [client, setClient] = useState<ConsoleClient | null>(null);
  const [socket, setSocket] = useState<Socket | null>(null);
  const sessionLost = useRef(onSessionLost);
  sessionLost.current = onSessionLost;

  useEffect(() => {
    // Same origin: the HttpOnly session cookie goes with the handshake.
    const socket = io(namespaces.staff, { withCredentials: true, transports: SOCKET_TRANSPORTS });
    const created = createConsoleClient({ socket, onSessionLost: () => sessionLost.current(created) });
    const unsubscribe = created.subscribe(() => setState(created.getState()));
    setState(created.getState());
    setClient(created);
    setSocket(socket);
    return () => {
      unsubscribe();
      created.close();
    };
  }, []);

  return { state, client, socket };
}
