// The people behind the console benchmark: one counselor's socket that takes the open conversations, their
// visitors who keep writing, and a crowd of waiting visitors that churns (one leaves, another arrives) so that
// the waiting list keeps changing under the counselor's eyes.
import { randomUUID } from 'node:crypto';
import type { Socket } from 'socket.io-client';
import { ask, connectSocket, startSolved, waitFor } from '../load/socket-clients.ts';

export interface Population {
  /** Visitors whose conversation is open in the counselor's console, by conversation id. */
  talking: Map<string, Socket>;
  waiting: Socket[];
  /** When each message of the conversation on screen was sent, by client id, to time it against the page. */
  sentAt: Map<string, number>;
  /** Each talking visitor writes every `everyMs`, the one of the conversation on screen every `fastEveryMs`. */
  startTalking(options: { everyMs: number; fastEveryMs: number; onScreen: string }): void;
  startChurn(everyMs: number): void;
  stop(): void;
}

export async function gatherPopulation(url: string, cookie: string, open: number, waiting: number) {
  const counselor = connectSocket(`${url}/staff`, cookie);
  await waitFor(counselor, 'staff:state');
  await ask(counselor, 'presence:set', { status: 'available' });

  const talking = new Map<string, Socket>();
  for (let i = 0; i < open; i += 1) {
    const visitor = await aVisitor(url);
    const taken = await ask(counselor, 'queue:take-next', {});
    if (!taken.conversation) throw new Error('queue:take-next gave no conversation');
    talking.set(taken.conversation.id, visitor);
  }
  // The bench's counselor socket has done its part: from now on the console in Chromium is her only screen.
  counselor.disconnect();

  const crowd: Socket[] = [];
  for (let i = 0; i < waiting; i += 1) crowd.push(await aVisitor(url));

  const timers: NodeJS.Timeout[] = [];
  const sentAt = new Map<string, number>();
  const population: Population = {
    talking,
    waiting: crowd,
    sentAt,
    startTalking({ everyMs, fastEveryMs, onScreen }) {
      talking.forEach((visitor, conversationId) => {
        // The conversation on screen writes faster, so that its messages can be timed.
        const every = conversationId === onScreen ? fastEveryMs : everyMs;
        const send = () => {
          const clientId = randomUUID();
          if (conversationId === onScreen) sentAt.set(clientId, Date.now());
          visitor.emit('message:send', { clientId, text: `bench ${clientId}` });
        };
        setTimeout(() => timers.push(setInterval(send, every)), Math.random() * every);
      });
    },
    startChurn(everyMs) {
      timers.push(
        setInterval(() => {
          const leaving = crowd.shift();
          leaving?.emit('conversation:end', {});
          leaving?.disconnect();
          aVisitor(url)
            .then((arrived) => crowd.push(arrived))
            .catch(() => {});
        }, everyMs),
      );
    },
    stop() {
      for (const timer of timers) clearInterval(timer);
    },
  };
  return population;
}

async function aVisitor(url: string): Promise<Socket> {
  const socket = connectSocket(`${url}/visitor`, null);
  await waitFor(socket, 'connect');
  await startSolved(socket);
  return socket;
}
