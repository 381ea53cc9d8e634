// Long-lived staff sockets are checked against their session every minute, so that an expired session or a
// disabled account cannot keep a socket open (logout and disabling also disconnect at once).
import type { Logger } from 'pino';
import type { Namespace } from 'socket.io';
import type { Clock } from '../clock.ts';
import type { StaffRepository } from '../storage/staff-repository.ts';

const CHECK_EVERY_MS = 60_000;

export function watchStaffSessions({
  namespace,
  staff,
  clock,
  log,
}: {
  namespace: Namespace;
  staff: StaffRepository;
  clock: Clock;
  log: Logger;
}) {
  const timer = setInterval(async () => {
    for (const socket of namespace.sockets.values()) {
      const { sessionHash } = socket.data as { sessionHash: string };
      const live = await staff.sessionStaff(sessionHash, clock.now()).catch((error: unknown) => {
        log.warn({ err: error }, 'session check failed');
        return true;
      });
      if (!live) socket.disconnect(true);
    }
  }, CHECK_EVERY_MS);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
