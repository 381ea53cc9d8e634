// Long-lived staff sockets are checked against their session every minute, so that an expired session or a
// disabled account cannot keep a socket open (logout and disabling also disconnect at once). One query
// checks every socket: a query per socket would hold PGlite's single connection for the whole loop.
// Expired session rows are deleted at the same time.
import type { Logger } from 'pino';
import type { Namespace } from 'socket.io';
import type { Clock } from '../clock.ts';
import type { StaffRepository } from '../storage/staff-repository.ts';

const CHECK_EVERY_MS = 60_000;

interface Deps {
  namespace: Namespace;
  staff: StaffRepository;
  clock: Clock;
  log: Logger;
}

export function watchStaffSessions({ namespace, staff, clock, log }: Deps) {
  async function check(): Promise<void> {
    const sockets = [...namespace.sockets.values()];
    const hashes = [...new Set(sockets.map((socket) => (socket.data as { sessionHash: string }).sessionHash))];
    const live = await staff.liveSessions(hashes, clock.now());
    for (const socket of sockets) {
      if (!live.has((socket.data as { sessionHash: string }).sessionHash)) socket.disconnect(true);
    }
    await staff.deleteExpiredSessions(clock.now());
  }

  const timer = setInterval(() => {
    check().catch((error: unknown) => log.warn({ err: error }, 'session check failed'));
  }, CHECK_EVERY_MS);
  timer.unref();
  return { check, stop: () => clearInterval(timer) };
}
