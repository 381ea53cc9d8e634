// Quick exit, after GOV.UK's "Exit this page": a button on every screen, or Shift pressed three times
// (Shift, not Escape, which dialogs, fullscreen and assistive technology already use; see decision 0008).
// It blanks the page, wipes what Havre kept in this tab, tells the server she left quickly, and replaces this
// history entry with a neutral site, so that Back does not come back here.
import { QUICK_EXIT_WAIT_MS } from './conversation-client.ts';
import { wipeDevice } from './device-wipe.ts';

/** Where she goes until the association's own choice (GET /api/status) has loaded. */
export const NEUTRAL_PAGE = 'https://meteofrance.com/';
export const SHIFT_WINDOW_MS = 2_000;

/** Calls `onTriple` when Shift is pressed three times within the window with no other key in between. */
export function createShiftCounter(
  onTriple: () => void,
  now: () => number = Date.now,
): (event: Pick<KeyboardEvent, 'key' | 'repeat'>) => void {
  let presses: number[] = [];
  return (event) => {
    if (event.key !== 'Shift') {
      presses = [];
      return;
    }
    if (event.repeat) return;
    const at = now();
    presses = [...presses.filter((previous) => at - previous < SHIFT_WINDOW_MS), at];
    if (presses.length >= 3) {
      presses = [];
      onTriple();
    }
  };
}

/** The configured address if it is an https: one (the server checks it too), else the built-in neutral page. */
export function exitAddress(configured: string | null | undefined): string {
  return configured && /^https:\/\/[^/]/i.test(configured) ? configured : NEUTRAL_PAGE;
}

let leaving = false;

/**
 * Blanks the page and wipes storage at once, then leaves as soon as the server knows she left and the caches
 * are gone, and in any case shortly after: staying on the page is never an option.
 */
export function leaveNow(forget: () => Promise<void>, address: string): void {
  if (leaving) return;
  leaving = true;
  // The page goes blank at once; the title stays the neutral one (an empty title would show the host name).
  document.body.replaceChildren();
  let gone = false;
  const leave = () => {
    if (gone) return;
    gone = true;
    // Inside an association's page (an allowed frame), the whole tab must leave, not just the frame. A browser
    // may refuse that without a recent tap; the frame then at least shows the neutral site.
    if (window.top && window.top !== window) {
      try {
        window.top.location.replace(address);
      } catch {
        // refused: fall through to the frame itself
      }
    }
    window.location.replace(address);
  };
  const told = forget().catch(() => undefined);
  Promise.all([told, wipeDevice()]).then(leave, leave);
  setTimeout(leave, QUICK_EXIT_WAIT_MS * 2);
}
