// The counselors who face the raid: each takes the next person in the queue every second, gives a hostile
// conversation a few seconds (time for its flood), then ends it; and a probe that asks for a challenge every
// few seconds, so that the report can show how the difficulty moved.
import type { Socket } from 'socket.io-client';
import { askRaid, connected, networkAddress, raidSocket } from './sockets.ts';

export async function openDesk(url: string, cookies: string[]) {
  const counselors: Socket[] = [];
  for (const [i, cookie] of cookies.entries()) {
    const socket = raidSocket(`${url}/staff`, networkAddress('staff', 400 + i), cookie);
    if (await connected(socket)) throw new Error('a desk counselor could not connect');
    await askRaid(socket, 'presence:set', { status: 'available' });
    counselors.push(socket);
  }
  let taken = 0;
  let running = false;
  const work = async (socket: Socket) => {
    while (running) {
      const answer = await askRaid(socket, 'queue:take-next');
      if (answer.ok && answer.conversation) {
        taken += 1;
        await new Promise((done) => setTimeout(done, 4000));
        await askRaid(socket, 'conversation:end', { conversationId: answer.conversation.id });
      } else await new Promise((done) => setTimeout(done, 1000));
    }
  };
  let loops: Promise<void>[] = [];
  return {
    start() {
      running = true;
      loops = counselors.map(work);
    },
    async stop() {
      running = false;
      await Promise.all(loops);
      return taken;
    },
  };
}

/** Samples the difficulty (maxNumber of a fresh challenge) every `everyMs` from its own network. */
export async function difficultyProbe(url: string, everyMs = 5000) {
  const socket = raidSocket(`${url}/visitor`, networkAddress('genuine', 9000));
  await connected(socket);
  const samples: { atS: number; maxNumber: number | null }[] = [];
  const began = performance.now();
  const sample = async () => {
    const answer = await askRaid(socket, 'work:challenge');
    samples.push({
      atS: Math.round((performance.now() - began) / 1000),
      maxNumber: answer.challenge?.maxNumber ?? null,
    });
  };
  await sample();
  const timer = setInterval(() => void sample(), everyMs);
  return {
    samples,
    current: async () => (await askRaid(socket, 'work:challenge')).challenge?.maxNumber ?? null,
    stop() {
      clearInterval(timer);
      socket.disconnect();
    },
  };
}
