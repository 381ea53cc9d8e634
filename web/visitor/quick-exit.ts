// Quick exit, after GOV.UK's "Exit this page": a button on every screen, or Shift pressed three times
// (Shift, not Escape, which dialogs and assistive technology already use). It forgets the conversation,
// blanks the page and replaces this history entry with a neutral site, so Back does not come back here.
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

/** Blanks the page at once, then leaves as soon as the server knows she left (half a second at most). */
export function leaveNow(forget: () => Promise<void>, neutralPage: string = NEUTRAL_PAGE): void {
  document.body.replaceChildren();
  document.title = '';
  const leave = () => window.location.replace(neutralPage);
  forget().then(leave, leave);
}
