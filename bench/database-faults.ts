// Database-fault benchmark: `npm run bench:faults -- [--seconds N] [--visitors N]`. Havre runs in this process
// on a fresh PostgreSQL database (127.0.0.1:5432, or HAVRE_TEST_POSTGRES_URL) reached through the fault proxy
// of the tests, with the production database limits (decision 0024). Three phases:
// 1. a reset storm: every connection reset every 50 ms for N seconds while the visitors write, each message
//    sent again with the same client id until acknowledged; then every conversation's history is compared
//    with what was acknowledged (lost, duplicated, out of order);
// 2. a partition: every byte dropped for N seconds; how long /readyz, the visitor page and a message take to
//    answer, and with what; then how long after the path heals until a message is acknowledged again;
// 3. a restart: connections refused for N seconds, the same figures.
// It prints figures and asserts nothing. Loopback only; everything stops on success, error, Ctrl-C or overrun.
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { HISTORY_PAGE } from '../src/server/services/conversations.ts';
import { aCounselor, aVisitor, type Counselor, newClientId, type Recorded } from '../test/support/clients.ts';
import { type FaultProxy, startFaultProxy } from '../test/support/fault-proxy.ts';
import { startTestServer, type TestServer } from '../test/support/server.ts';
import { adminUrl } from '../test/support/storage.ts';
import { benchMain, onCleanUp, runCleanly } from './load/clean-up.ts';
import { progress } from './load/progress.ts';
import { quantiles } from './load/stats.ts';

const say = (line: string) => process.stdout.write(`${line}\n`);

const usage = 'npm run bench:faults -- [--seconds N (each phase, default 10)] [--visitors N (default 5)]';

interface Options {
  seconds: number;
  visitors: number;
}

function parse(): Options | null {
  const { values } = parseArgs({
    options: {
      seconds: { type: 'string', default: '10' },
      visitors: { type: 'string', default: '5' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return null;
  const seconds = Number(values.seconds);
  const visitors = Number(values.visitors);
  if (!Number.isInteger(seconds) || seconds < 1 || seconds > 120) throw new Error('--seconds: 1 to 120');
  if (!Number.isInteger(visitors) || visitors < 1 || visitors > 20) throw new Error('--visitors: 1 to 20');
  return { seconds, visitors };
}

interface Chat {
  visitor: Recorded;
  counselor: Counselor;
  conversationId: string;
  acked: string[];
}

const ms = (value: number) => `${Math.round(value)} ms`;

/** Sends one message until it is acknowledged; answers the refusal codes seen on the way. */
async function sendUntilAcked(chat: Chat, text: string, until: number): Promise<string[]> {
  const clientId = newClientId();
  const codes: string[] = [];
  while (Date.now() < until) {
    const ack = await chat.visitor.ask('message:send', { clientId, text }).catch(() => null);
    if (ack?.ok) {
      chat.acked.push(text);
      return codes;
    }
    codes.push(ack ? ack.error.code : 'NO_ANSWER');
    await sleep(100);
  }
  throw new Error(`"${text}" was never acknowledged`);
}

/** Every message of the conversation, page after page (the server answers a page of HISTORY_PAGE at most). */
async function history(chat: Chat): Promise<string[]> {
  const texts: string[] = [];
  for (let afterSeq = 0; ; ) {
    const answer = await chat.counselor.ask('message:history', { conversationId: chat.conversationId, afterSeq });
    const page = answer.messages as { seq: number; text: string }[];
    texts.push(...page.map((message) => message.text));
    if (page.length < HISTORY_PAGE) return texts;
    afterSeq = page.at(-1)?.seq ?? afterSeq;
  }
}

async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await run();
  return { ms: performance.now() - start, value };
}

async function resetStorm(proxy: FaultProxy, chats: Chat[], seconds: number): Promise<void> {
  const codes: string[] = [];
  const latencies: number[] = [];
  const resets = setInterval(() => proxy.reset(), 50);
  const end = Date.now() + seconds * 1000;
  try {
    await Promise.all(
      chats.map(async (chat, index) => {
        for (let i = 0; Date.now() < end; i++) {
          const { ms: took, value } = await timed(() => sendUntilAcked(chat, `v${index} m${i}`, end + 30_000));
          latencies.push(took);
          codes.push(...value);
        }
      }),
    );
  } finally {
    clearInterval(resets);
  }
  let lost = 0;
  let extra = 0;
  let disordered = 0;
  for (const chat of chats) {
    const seen = await history(chat);
    lost += chat.acked.filter((text) => !seen.includes(text)).length;
    extra += seen.length - new Set(seen).size + seen.filter((text) => !chat.acked.includes(text)).length;
    disordered += seen.filter((text, i) => text !== chat.acked[i]).length;
  }
  const count = (code: string) => codes.filter((c) => c === code).length;
  const { p50, p99 } = quantiles(latencies);
  say(
    `reset storm (${seconds} s, every 50 ms): ${latencies.length} messages acknowledged; ` +
      `refusals on the way: UNAVAILABLE ${count('UNAVAILABLE')}, INTERNAL ${count('INTERNAL')}, ` +
      `no answer ${count('NO_ANSWER')}; time to acknowledgement p50 ${ms(p50 ?? 0)}, p99 ${ms(p99 ?? 0)}; lost ${lost}, duplicated or unknown ${extra}, out of order ${disordered}`,
  );
}

async function outage(
  name: string,
  server: TestServer,
  proxy: FaultProxy,
  chat: Chat,
  seconds: number,
  start: () => void,
): Promise<void> {
  const fetchTimed = (path: string) =>
    timed(async () => {
      const response = await fetch(`${server.url}${path}`, { signal: AbortSignal.timeout(60_000) });
      await response.arrayBuffer();
      return response.status;
    });
  start();
  const began = Date.now();
  const ready = await fetchTimed('/readyz');
  const page = await fetchTimed('/');
  const send = await timed(() => chat.visitor.ask('message:send', { clientId: newClientId(), text: 'refused' }));
  const left = began + seconds * 1000 - Date.now();
  if (left > 0) await sleep(left);
  proxy.pass();
  const healed = Date.now();
  await sendUntilAcked(chat, `after ${name}`, healed + 60_000);
  const firstAck = Date.now() - healed;
  let readyAgain = 0;
  while ((await fetchTimed('/readyz')).value !== 200) await sleep(100);
  readyAgain = Date.now() - healed;
  say(
    `${name} (${seconds} s): /readyz ${ready.value} in ${ms(ready.ms)}; visitor page ${page.value} in ${ms(page.ms)}; ` +
      `a message ${send.value.ok ? 'acknowledged' : send.value.error.code} in ${ms(send.ms)}; ` +
      `once healed: a message acknowledged after ${ms(firstAck)}, /readyz 200 after ${ms(readyAgain)}`,
  );
}

async function bench({ seconds, visitors }: Options): Promise<number> {
  return runCleanly((3 * seconds + 180) * 1000, async () => {
    const proxy = await startFaultProxy(adminUrl);
    onCleanUp(() => proxy.close());
    // Production database limits: no `databaseTimeouts` here.
    const server = await startTestServer('postgres', {
      databaseUrl: (url) => proxy.through(url),
      limits: { visitorMessages: { capacity: 100_000, refillPerSecond: 100_000 } },
    });
    onCleanUp(() => server.stop());
    const chats: Chat[] = [];
    for (let i = 0; i < visitors; i++) {
      const counselor = await aCounselor(server);
      const visitor = await aVisitor(server);
      onCleanUp(async () => {
        visitor.close();
        counselor.close();
      });
      await visitor.ask('conversation:start', { locale: 'fr' });
      const taken = await counselor.ask('queue:take-next');
      chats.push({ visitor, counselor, conversationId: taken.conversation.id, acked: [] });
    }
    progress(`${visitors} conversations open on PostgreSQL through the fault proxy`);
    await resetStorm(proxy, chats, seconds);
    const [first] = chats as [Chat];
    await outage('partition (every byte dropped)', server, proxy, first, seconds, () => proxy.drop());
    await outage('restart (connections refused)', server, proxy, first, seconds, () => proxy.refuse());
  });
}

benchMain(parse, usage, bench);
