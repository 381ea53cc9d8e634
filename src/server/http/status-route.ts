// What anyone may know before writing in: open or closed, the hours, the next opening, whether a new
// conversation would be accepted, the wait she can expect, and the intake questions.
import type { FastifyInstance } from 'fastify';
import { scheduleStatus } from '../../core/schedule.ts';
import type { ScheduleStatusView } from '../../protocol/views.ts';
import type { Clock } from '../clock.ts';
import type { IntakeModeService } from '../services/intake-mode.ts';
import type { RaidModeService } from '../services/raid-mode.ts';
import type { SettingsService } from '../services/settings.ts';
import { placeForNewcomer, type WaitingRoom } from '../services/waiting-room.ts';

interface Deps {
  settings: SettingsService;
  waitingRoom: WaitingRoom;
  clock: Clock;
  intakeMode: IntakeModeService;
  raidMode: RaidModeService;
}

export function registerStatusRoute(
  app: FastifyInstance,
  { settings, waitingRoom, clock, intakeMode, raidMode }: Deps,
) {
  app.get('/api/status', async () => {
    const { schedule, admission, visitorPage, intake } = await settings.current();
    const status = scheduleStatus(schedule, clock.now());
    const snapshot = await waitingRoom.snapshot();
    const intakeNow = await intakeMode.current();
    const raid = await raidMode.current();
    // The intake's own message wins while paused; otherwise raid mode's calm public line, if any.
    const message = intakeNow.mode !== 'open' && intakeNow.message ? intakeNow.message : raid.on ? raid.message : null;
    const newcomer = placeForNewcomer(snapshot);
    const view: ScheduleStatusView = {
      open: status.open,
      closesAt: status.closesAt?.toISOString() ?? null,
      nextOpensAt: status.nextOpensAt?.toISOString() ?? null,
      schedule,
      counselorsAvailable: snapshot.capacity.availableCounselors,
      admission: {
        // Paused by an admin's setting, or by a supervisor from the board (paused or queue closing).
        paused: admission.paused || intakeNow.mode !== 'open',
        ...(message ? { message } : {}),
        full: admission.maxQueue !== null && snapshot.entries.length >= admission.maxQueue,
      },
      estimatedWaitMinutes: newcomer.estimatedWaitMinutes,
      waitExceedsClosing: newcomer.waitExceedsClosing,
      visitorPage: { title: visitorPage.title, brand: visitorPage.brand, quickExitUrl: visitorPage.quickExitUrl },
      intake,
      serverTime: clock.now().toISOString(),
    };
    return { ok: true, status: view };
  });
}
