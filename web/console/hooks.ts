// Small hooks shared by the console's screens.
import { useEffect, useState } from 'preact/hooks';

/** The current time, refreshed every `intervalMs` so that "waiting for X min" moves on its own. */
export function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

export type Section = 'conversations' | 'admin';

/** The workspace section from the URL fragment (`#admin`), so that a reload stays where she was. */
export function useSection(): Section {
  const read = (): Section => (location.hash === '#admin' ? 'admin' : 'conversations');
  const [section, setSection] = useState(read);
  useEffect(() => {
    const onHashChange = () => setSection(read());
    addEventListener('hashchange', onHashChange);
    return () => removeEventListener('hashchange', onHashChange);
  }, []);
  return section;
}
