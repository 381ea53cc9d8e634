// What anyone may know before writing in: open or closed, the hours, the next opening, counselors available.
import type { FastifyInstance } from 'fastify';
import { scheduleStatus } from '../../core/schedule.ts';
import type { ScheduleStatusView } from '../../protocol/views.ts';
import type { Clock } from '../clock.ts';
import type { Presence } from '../services/presence.ts';
import type { SettingsService } from '../services/settings.ts';

export function registerStatusRoute(
  app: FastifyInstance,
  deps: { settings: SettingsService; presence: Presence; clock: Clock },
) {
  app.get('/api/status', async () => {
    const { schedule } = await deps.settings.current();
    const status = scheduleStatus(schedule, deps.clock.now());
    const view: ScheduleStatusView = {
      open: status.open,
      closesAt: status.closesAt?.toISOString() ?? null,
      nextOpensAt: status.nextOpensAt?.toISOString() ?? null,
      schedule,
      counselorsAvailable: deps.presence.availableOnline().length,
    };
    return { ok: true, status: view };
  });
}
