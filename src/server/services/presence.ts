// Which counselors are here and available. The chosen status is stored (it outlives a reload); being online
// is known only from live sockets, so a counselor whose tab closed is never counted as capacity.
// In cluster mode each node knows its own sockets and tells the others its whole list on every change and
// every few seconds (decision 0029); a node that has not told for a while is taken for gone, and its
// counselors with it, until their consoles reconnect elsewhere.
import type { PresenceStatus } from '../../protocol/views.ts';
import type { Clock } from '../clock.ts';
import type { ClusterBus } from '../cluster/cluster-bus.ts';
import type { StaffRepository } from '../storage/staff-repository.ts';

interface Online {
  sockets: number;
  status: PresenceStatus;
}

/** How often a node tells its list, and after how long without news another node is taken for gone. */
export const PRESENCE_HEARTBEAT_MS = 2_000;
export const PRESENCE_NODE_GONE_MS = 7_000;
const PRESENCE_COALESCE_MS = 50;

export function createPresence({
  staff,
  bus,
  nodeId,
  clock,
}: {
  staff: StaffRepository;
  bus: ClusterBus;
  nodeId: string;
  clock: Clock;
}) {
  const local = new Map<string, Online>();
  const remote = new Map<string, { heardAt: number; online: Map<string, PresenceStatus> }>();
  let heartbeat: NodeJS.Timeout | null = null;
  let soon: NodeJS.Timeout | null = null;

  const tell = () => bus.tell({ type: 'presence', node: nodeId, online: [...local].map(([id, e]) => [id, e.status]) });
  /** The whole list once per burst of changes (a team logging in at the opening), not once per console. */
  const tellSoon = () => {
    if (soon || !bus.clustered) return;
    soon = setTimeout(() => {
      soon = null;
      tell();
    }, PRESENCE_COALESCE_MS);
  };
  bus.on('presence', ({ node, online }) => {
    if (node !== nodeId) remote.set(node, { heardAt: clock.now().getTime(), online: new Map(online) });
  });
  bus.on('hello', ({ node }) => {
    if (node !== nodeId) tell();
  });
  bus.on('status', ({ staffId, status }) => {
    // Seen at once, before her node's next list.
    for (const known of remote.values()) if (known.online.has(staffId)) known.online.set(staffId, status);
    const entry = local.get(staffId);
    if (entry && entry.status !== status) {
      entry.status = status;
      tellSoon();
    }
  });

  /** Everyone online anywhere, with her status: this node's sockets first, then the nodes still heard from. */
  function everyone(): Map<string, PresenceStatus> {
    const now = clock.now().getTime();
    const merged = new Map<string, PresenceStatus>();
    for (const [node, known] of remote) {
      if (now - known.heardAt > PRESENCE_NODE_GONE_MS) {
        remote.delete(node);
        continue;
      }
      for (const [staffId, status] of known.online) merged.set(staffId, status);
    }
    for (const [staffId, entry] of local) merged.set(staffId, entry.status);
    return merged;
  }

  return {
    connected(staffId: string, storedStatus: PresenceStatus): void {
      const entry = local.get(staffId) ?? { sockets: 0, status: storedStatus };
      entry.sockets += 1;
      local.set(staffId, entry);
      if (entry.sockets === 1) tellSoon();
    },

    disconnected(staffId: string): void {
      const entry = local.get(staffId);
      if (!entry) return;
      entry.sockets -= 1;
      if (entry.sockets <= 0) {
        local.delete(staffId);
        tellSoon();
      }
    },

    async setStatus(staffId: string, status: PresenceStatus): Promise<void> {
      await staff.update(staffId, { presence: status });
      const entry = local.get(staffId);
      if (entry) entry.status = status;
      bus.tell({ type: 'status', staffId, status });
      tellSoon();
    },

    statusOf: (staffId: string): PresenceStatus => everyone().get(staffId) ?? 'paused',

    /** Whether a console of hers is connected to any node. */
    isOnline: (staffId: string): boolean => everyone().has(staffId),

    availableOnline(): string[] {
      return [...everyone()].filter(([, status]) => status === 'available').map(([staffId]) => staffId);
    },

    /** Everyone with a live socket and her status, for the supervision board. */
    online(): { staffId: string; status: PresenceStatus }[] {
      return [...everyone()].map(([staffId, status]) => ({ staffId, status }));
    },

    /** Starts telling the other nodes (nothing on one node), and asks them to tell at once. */
    start(): void {
      if (!bus.clustered || heartbeat) return;
      bus.tell({ type: 'hello', node: nodeId });
      tell();
      heartbeat = setInterval(tell, PRESENCE_HEARTBEAT_MS);
      heartbeat.unref();
    },

    /** Stops telling; the others forget this node's counselors now rather than after a silence. */
    stop(): void {
      if (!heartbeat) return;
      clearInterval(heartbeat);
      if (soon) clearTimeout(soon);
      heartbeat = null;
      soon = null;
      bus.tell({ type: 'presence', node: nodeId, online: [] });
    },
  };
}

export type Presence = ReturnType<typeof createPresence>;
