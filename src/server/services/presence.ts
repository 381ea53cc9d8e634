// Which counselors are here and available. The chosen status is stored (it outlives a reload); being online
// is known only from live sockets, so a counselor whose tab closed is never counted as capacity.
import type { PresenceStatus } from '../../protocol/views.ts';
import type { StaffRepository } from '../storage/staff-repository.ts';

interface Online {
  sockets: number;
  status: PresenceStatus;
}

export function createPresence({ staff }: { staff: StaffRepository }) {
  const online = new Map<string, Online>();

  return {
    connected(staffId: string, storedStatus: PresenceStatus): void {
      const entry = online.get(staffId) ?? { sockets: 0, status: storedStatus };
      entry.sockets += 1;
      online.set(staffId, entry);
    },

    disconnected(staffId: string): void {
      const entry = online.get(staffId);
      if (!entry) return;
      entry.sockets -= 1;
      if (entry.sockets <= 0) online.delete(staffId);
    },

    async setStatus(staffId: string, status: PresenceStatus): Promise<void> {
      await staff.update(staffId, { presence: status });
      const entry = online.get(staffId);
      if (entry) entry.status = status;
    },

    statusOf: (staffId: string): PresenceStatus => online.get(staffId)?.status ?? 'paused',

    /** Whether a console of hers is connected to this node. */
    isOnline: (staffId: string): boolean => online.has(staffId),

    availableOnline(): string[] {
      return [...online].filter(([, entry]) => entry.status === 'available').map(([staffId]) => staffId);
    },

    /** Everyone with a live socket and her status, for the supervision board. */
    online(): { staffId: string; status: PresenceStatus }[] {
      return [...online].map(([staffId, entry]) => ({ staffId, status: entry.status }));
    },
  };
}

export type Presence = ReturnType<typeof createPresence>;
