// What one node tells the others (decision 0029): that the queue moved, who is online and available here,
// that settings or a counselor's conversations changed, that content keys were destroyed. Carried by Socket.IO's
// server-side emit through the Redis adapter; on one node there is nobody to tell and nothing is sent. Each
// notice is checked by a schema on arrival, like every event from outside the process.
import type { Logger } from 'pino';
import type { Namespace } from 'socket.io';
import { z } from 'zod';

const EVENT = 'havre:cluster';
/** The leader's one question: which conversations have a visitor's tab connected to you? */
const ASK_VISITORS = 'havre:cluster:visitors';
const visitorsAnswerSchema = z.array(z.uuid()).max(1_000_000);

const id = z.string().min(1).max(64);
const status = z.enum(['available', 'paused']);

const noticeSchema = z.discriminatedUnion('type', [
  /** The queue may have moved: broadcast it to this node's sockets, and maybe assign. */
  z.object({ type: z.literal('queue') }),
  /** Everyone with a live console on `node`, and her status: the whole list, so that a lost notice heals. */
  z.object({ type: z.literal('presence'), node: id, online: z.array(z.tuple([id, status])).max(100_000) }),
  /** A node just started: every other tells its presence at once instead of at its next heartbeat. */
  z.object({ type: z.literal('hello'), node: id }),
  /** A counselor chose a status: her consoles on other nodes follow it. */
  z.object({ type: z.literal('status'), staffId: id, status }),
  /** Settings, intake or raid mode changed: read them again, and with `consoles` refresh every console. */
  z.object({ type: z.literal('settings'), consoles: z.boolean() }),
  /** A counselor's conversations changed without her doing: her consoles get a fresh state. */
  z.object({ type: z.literal('staff'), staffId: id }),
  /** Retention destroyed these conversations' keys: drop them from memory. */
  z.object({ type: z.literal('keys-destroyed'), conversationIds: z.array(id).max(100_000) }),
]);

export type ClusterNotice = z.infer<typeof noticeSchema>;
type Handler<T extends ClusterNotice['type']> = (notice: Extract<ClusterNotice, { type: T }>) => void;

export function createClusterBus({ clustered, log }: { clustered: boolean; log: Logger }) {
  const handlers = new Map<ClusterNotice['type'], Set<(notice: ClusterNotice) => void>>();
  let carrier: Namespace | null = null;
  let visitorsHere: () => string[] = () => [];

  /** The namespace whose server-side emit carries the notices (the staff one); nothing is told before. */
  function attach(namespace: Namespace): void {
    if (!clustered) return;
    carrier = namespace;
    namespace.on(ASK_VISITORS, (answer: unknown) => {
      if (typeof answer === 'function') answer(visitorsHere());
    });
    namespace.on(EVENT, (raw: unknown) => {
      const parsed = noticeSchema.safeParse(raw);
      if (!parsed.success) {
        log.warn('cluster: a notice from another node did not parse; ignored');
        return;
      }
      for (const handler of handlers.get(parsed.data.type) ?? []) {
        try {
          handler(parsed.data);
        } catch (error) {
          log.error({ err: error, notice: parsed.data.type }, 'cluster: a notice failed');
        }
      }
    });
  }

  return {
    clustered,
    attach,
    /** Tells every other node (never this one: the caller has already done its part here). */
    tell(notice: ClusterNotice): void {
      carrier?.serverSideEmit(EVENT, notice);
    },
    /** How this node answers the leader's question: the conversations whose visitor has a tab connected here. */
    answerVisitors(here: () => string[]): void {
      visitorsHere = here;
    },
    /**
     * The conversations whose visitor has a tab connected to any other node: ids only (not the sockets, whose
     * handshakes hold headers and addresses that have no business in Redis). Rejects when a node does not answer.
     */
    async visitorsElsewhere(): Promise<Set<string>> {
      if (!carrier) return new Set();
      const answers: unknown[] = await carrier.serverSideEmitWithAck(ASK_VISITORS);
      const ids = new Set<string>();
      for (const answer of answers) {
        const parsed = visitorsAnswerSchema.safeParse(answer);
        if (!parsed.success) throw new Error('cluster: a node answered the visitors question with something else');
        for (const id of parsed.data) ids.add(id);
      }
      return ids;
    },
    on<T extends ClusterNotice['type']>(type: T, handler: Handler<T>): void {
      const set = handlers.get(type) ?? new Set();
      set.add(handler as (notice: ClusterNotice) => void);
      handlers.set(type, set);
    },
  };
}

export type ClusterBus = ReturnType<typeof createClusterBus>;
