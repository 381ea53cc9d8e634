// What anyone may know before writing in: open or closed, the hours, the next opening, whether a new
// conversation would be accepted, the wait she can expect, and the intake questions.
import type { FastifyInstance } from 'fastify';
import { scheduleStatus } from '../../core/schedule.ts';
import type { ScheduleStatusView } from '../../protocol/views.ts';
import type { Clock } from '../clock.ts';
import type { SettingsService } from '../services/settings.ts';
import { placeForNewcomer, type WaitingRoom } from '../services/waiting-room.ts';

interface Deps {
  settings: SettingsService;
  waitingRoom: WaitingRoom;
  clock: Clock;
}

export function registerStatusRoute(app: FastifyInstance, { settings, waitingRoom, clock }: Deps) {
  app.get('/api/status', async () => {
    const { schedule, admission, visitorPage, intake } = await settings.current();
    const status = scheduleStatus(schedule, clock.now());
    const snapshot = await waitingRoom.snapshot();
    const newcomer = placeForNewcomer(snapshot);
    const view: ScheduleStatusView = {
      open: status.open,
      closesAt: status.closesAt?.toISOString() ?? null,
      nextOpensAt: status.nextOpensAt?.toISOString() ?? null,
      schedule,
      counselorsAvailable: snapshot.capacity.availableCounselors,
      admission: {
        paused: admission.paused,
        full: admission.maxQueue !== null && snapshot.entries.length >= admission.maxQueue,
      },
      estimatedWaitMinutes: newcomer.estimatedWaitMinutes,
      waitExceedsClosing: newcomer.waitExceedsClosing,
      visitorPage: { title: visitorPage.title, quickExitUrl: visitorPage.quickExitUrl },
      intake,
    };
    return { ok: true, status: view };
  });
}
