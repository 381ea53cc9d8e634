// Loads GET /api/status once for the whole app (page title, quick-exit address, intake, hours) and keeps it
// fresh while `live` (home and closing screens), so that "open" turns into "closed", or "paused" into "open",
// without a reload. During a conversation it is not polled: the conversation's own state is live.
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { ScheduleStatusView } from '../../src/protocol/views.ts';

export const STATUS_REFRESH_MS = 60_000;

export type StatusState =
  | { kind: 'loading' }
  | { kind: 'failed' }
  /** `fetchedAt`: when it was answered, on the server's clock (a phone's own clock may be days off). */
  | { kind: 'ready'; status: ScheduleStatusView; fetchedAt: Date };

export async function fetchScheduleStatus(fetcher: typeof fetch = fetch): Promise<ScheduleStatusView> {
  const response = await fetcher('/api/status', {
    cache: 'no-store',
    headers: { accept: 'application/json' },
  });
  const body = (await response.json()) as { ok: boolean; status?: ScheduleStatusView };
  if (!response.ok || !body.ok || !body.status) throw new Error(`status ${response.status}`);
  return body.status;
}

export function useScheduleStatus(live: boolean): [StatusState, () => void] {
  const [state, setState] = useState<StatusState>({ kind: 'loading' });

  const refresh = useCallback(() => {
    fetchScheduleStatus().then(
      (status) => setState({ kind: 'ready', status, fetchedAt: new Date(status.serverTime) }),
      () => setState((previous) => (previous.kind === 'ready' ? previous : { kind: 'failed' })),
    );
  }, []);

  // Fetched on load and again whenever the screens that need it come back (e.g. after a conversation).
  useEffect(() => {
    refresh();
    if (!live) return;
    const timer = setInterval(() => {
      if (!document.hidden) refresh();
    }, STATUS_REFRESH_MS);
    const onVisible = () => {
      if (!document.hidden) refresh();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [live, refresh]);

  return [state, refresh];
}
