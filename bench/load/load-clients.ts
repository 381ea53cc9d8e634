// The clients of the load, a visitor and a counselor per conversation: how each connects, and how they pair up
// (the counselor takes the next visitor from the queue and greets her; the visitor who receives the greeting is
// her pair). What reaches either side goes to the message log.
import { randomUUID } from 'node:crypto';
import type { Socket } from 'socket.io-client';
import type { MessageLog } from './message-log.ts';
import { ACK_TIMEOUT_MS, ask, connectSocket, startSolved, waitFor } from './socket-clients.ts';

export interface CounselorClient {
  socket: Socket;
  conversationId: string | null;
}

export interface Pair {
  counselor: CounselorClient;
  visitor: Socket;
  conversationId: string;
  closed: boolean;
  lastToCounselor: number;
  lastToVisitor: number;
}

export type LoadClients = ReturnType<typeof createLoadClients>;

/**
 * `urls`: one node, or a cluster's nodes; the n-th counselor connects to node n, the n-th visitor to the next one,
 * so that in a cluster most conversations cross nodes.
 */
export function createLoadClients(urls: string[], messages: MessageLog) {
  const pairs: Pair[] = [];
  let counselorsOpened = 0;
  let visitorsOpened = 0;
  const nodeUrl = (n: number) => urls[n % urls.length] as string;
  const greetings = new Map<string, (visitor: Socket) => void>();
  const pairOfVisitor = new Map<Socket, Pair>();
  /** Sockets dropped while `counting` is on (in the steady state). */
  const disconnects = { counting: false, count: 0 };
  const onDisconnect = () => {
    if (disconnects.counting) disconnects.count += 1;
  };

  const openCounselor = async (cookie: string | null): Promise<CounselorClient> => {
    const socket = connectSocket(`${nodeUrl(counselorsOpened++)}/staff`, cookie);
    const counselor: CounselorClient = { socket, conversationId: null };
    socket.on('message:new', (event: { message: { clientId: string } }) =>
      messages.delivered(event.message.clientId, false),
    );
    socket.on('conversation:update', (conversation: { id: string; status: string }) => {
      if (conversation.status === 'closed') {
        const pair = pairs.find((p) => p.conversationId === conversation.id);
        if (pair) pair.closed = true;
      }
    });
    socket.on('disconnect', onDisconnect);
    await waitFor(socket, 'staff:state');
    await ask(socket, 'presence:set', { status: 'available' });
    return counselor;
  };

  const openVisitor = async (): Promise<Socket> => {
    const socket = connectSocket(`${nodeUrl(1 + visitorsOpened++)}/visitor`, null);
    socket.on('message:new', (message: { clientId: string }) => {
      const greeted = greetings.get(message.clientId);
      if (greeted) {
        greetings.delete(message.clientId);
        greeted(socket);
      } else {
        messages.delivered(message.clientId, true);
      }
    });
    socket.on('conversation:state', (state: { status: string }) => {
      const pair = pairOfVisitor.get(socket);
      if (pair && state.status === 'closed') pair.closed = true;
    });
    socket.on('disconnect', onDisconnect);
    await waitFor(socket, 'connect');
    await startSolved(socket);
    return socket;
  };

  /** The visitor's socket that receives the greeting with this client id. */
  const greetedVisitor = (clientId: string) =>
    new Promise<Socket>((done, fail) => {
      const timer = setTimeout(() => {
        greetings.delete(clientId);
        fail(new Error(`greeting not received within ${ACK_TIMEOUT_MS} ms`));
      }, ACK_TIMEOUT_MS);
      greetings.set(clientId, (socket) => {
        clearTimeout(timer);
        done(socket);
      });
    });

  const takeAndGreet = async (counselor: CounselorClient): Promise<Pair> => {
    const answer = await ask(counselor.socket, 'queue:take-next', {});
    const conversationId = answer.conversation?.id;
    if (!conversationId) throw new Error('queue:take-next: no conversation id');
    counselor.conversationId = conversationId;
    const clientId = randomUUID();
    const visitor = greetedVisitor(clientId);
    await ask(counselor.socket, 'message:send', { conversationId, clientId, text: 'Bonjour, je vous écoute.' });
    const socket = await visitor;
    const pair: Pair = {
      counselor,
      visitor: socket,
      conversationId,
      closed: false,
      lastToCounselor: 0,
      lastToVisitor: 0,
    };
    pairOfVisitor.set(socket, pair);
    return pair;
  };

  return { pairs, disconnects, openCounselor, openVisitor, takeAndGreet };
}
