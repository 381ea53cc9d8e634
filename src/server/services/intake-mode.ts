// Pausing intake or closing the queue, switched by supervisors from the board (not only admins, and apart from
// the admins' settings so that saving those never undoes it). Kept in the settings table under its own key,
// cached briefly because every new visitor asks.
import { HavreError } from '../../protocol/errors.ts';
import type { IntakeMode, IntakeModeView } from '../../protocol/views.ts';
import type { StaffRow } from '../storage/schema.ts';
import type { StoredSwitchDeps } from '../storage/settings-repository.ts';

const KEY = 'intake-mode';
/** Other nodes may switch it: re-read this often. */
const CACHE_MS = 2_000;
const OPEN: IntakeModeView = { mode: 'open', message: null, setByName: null, since: null };
const modes: readonly IntakeMode[] = ['open', 'paused', 'closing'];

function parse(stored: unknown): IntakeModeView {
  if (typeof stored !== 'object' || stored === null) return OPEN;
  const value = stored as Partial<IntakeModeView>;
  if (!modes.includes(value.mode as IntakeMode)) return OPEN;
  return {
    mode: value.mode as IntakeMode,
    message: typeof value.message === 'string' ? value.message : null,
    setByName: typeof value.setByName === 'string' ? value.setByName : null,
    since: typeof value.since === 'string' ? value.since : null,
  };
}

export function createIntakeMode({ repository, clock, onChanged = () => {} }: StoredSwitchDeps) {
  let cached: { view: IntakeModeView; at: number } | null = null;

  async function current(): Promise<IntakeModeView> {
    const now = clock.now().getTime();
    if (cached && now - cached.at < CACHE_MS) return cached.view;
    cached = { view: parse(await repository.get(KEY)), at: now };
    return cached.view;
  }

  return {
    current,
    /** Another node changed it: the next read goes to the database. */
    forget(): void {
      cached = null;
    },

    async set(by: StaffRow, mode: IntakeMode, message: string | null): Promise<IntakeModeView> {
      const view: IntakeModeView =
        mode === 'open'
          ? OPEN
          : { mode, message: message || null, setByName: by.display_name, since: clock.now().toISOString() };
      await repository.put(KEY, view, clock.now());
      onChanged();
      cached = { view, at: clock.now().getTime() };
      return view;
    },

    /** Refuses a new conversation while paused or closing; those already waiting are not affected. */
    async admitNewcomer(): Promise<void> {
      const { mode } = await current();
      if (mode === 'paused') throw new HavreError('INTAKE_PAUSED', 'no new conversation is opened for now');
      if (mode === 'closing') throw new HavreError('INTAKE_PAUSED', 'the queue is closing: no new conversation');
    },
  };
}

export type IntakeModeService = ReturnType<typeof createIntakeMode>;
