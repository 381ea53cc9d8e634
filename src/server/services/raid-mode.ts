// Raid mode, switched by supervisors from the board during a raid: other modules read `active()` on their hot
// paths (the admission work raises its floor, the limits tighten). Kept in the settings table under its own key,
// like the intake switch, so that saving the admins' settings never undoes it; the last known value is kept in
// memory and refreshed every two seconds, because another node may switch it.
import type { RaidModeView } from '../../protocol/views.ts';
import type { StaffRow } from '../storage/schema.ts';
import type { StoredSwitchDeps } from '../storage/settings-repository.ts';

const KEY = 'raid-mode';
const REFRESH_MS = 2_000;
const OFF: RaidModeView = { on: false, message: null, setByName: null, since: null };

function parse(stored: unknown): RaidModeView {
  if (typeof stored !== 'object' || stored === null) return OFF;
  const value = stored as Partial<RaidModeView>;
  if (value.on !== true) return OFF;
  return {
    on: true,
    message: typeof value.message === 'string' ? value.message : null,
    setByName: typeof value.setByName === 'string' ? value.setByName : null,
    since: typeof value.since === 'string' ? value.since : null,
  };
}

export function createRaidMode({ repository, clock, onChanged = () => {} }: StoredSwitchDeps) {
  let known: RaidModeView = OFF;
  let readAt = Number.NEGATIVE_INFINITY;
  // Another node's switch reaches this one within a refresh even when no hot path has asked for a while;
  // unref'd, so that it never keeps a process alive.
  const refresh = setInterval(() => void current().catch(() => {}), REFRESH_MS);
  refresh.unref();

  async function current(): Promise<RaidModeView> {
    const now = clock.now().getTime();
    if (now - readAt < REFRESH_MS) return known;
    known = parse(await repository.get(KEY));
    readAt = now;
    return known;
  }

  return {
    current,
    /** Another node switched it: the next read goes to the database. */
    forget(): void {
      readAt = Number.NEGATIVE_INFINITY;
    },
    /** The last known value, without waiting: for hot paths. A stale read lasts at most a refresh. */
    active(): boolean {
      if (clock.now().getTime() - readAt >= REFRESH_MS) void current().catch(() => {});
      return known.on;
    },
    async set(by: StaffRow, on: boolean, message: string | null): Promise<RaidModeView> {
      const view: RaidModeView = on
        ? { on: true, message: message || null, setByName: by.display_name, since: clock.now().toISOString() }
        : OFF;
      await repository.put(KEY, view, clock.now());
      onChanged();
      known = view;
      readAt = clock.now().getTime();
      return view;
    },
    stop: () => clearInterval(refresh),
  };
}

export type RaidModeService = ReturnType<typeof createRaidMode>;
