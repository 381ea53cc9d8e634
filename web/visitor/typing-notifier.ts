// Tells the counselor that the visitor is typing without flooding the socket: `true` at most every 2 s
// while keys are pressed, `false` after 3 s without a key or as soon as the message is sent.
export const TYPING_REPEAT_MS = 2_000;
export const TYPING_IDLE_MS = 3_000;

export interface TypingNotifier {
  /** Call on every input in the message box. */
  input(): void;
  /** Call when the message is sent or the conversation stops: says `false` if `true` was said. */
  stop(): void;
}

export function createTypingNotifier(emit: (typing: boolean) => void, now: () => number = Date.now): TypingNotifier {
  let typing = false;
  let lastSaidAt = Number.NEGATIVE_INFINITY;
  let idleTimer: ReturnType<typeof setTimeout> | undefined;

  function stop(): void {
    clearTimeout(idleTimer);
    idleTimer = undefined;
    if (!typing) return;
    typing = false;
    lastSaidAt = Number.NEGATIVE_INFINITY;
    emit(false);
  }

  function input(): void {
    if (!typing || now() - lastSaidAt >= TYPING_REPEAT_MS) {
      typing = true;
      lastSaidAt = now();
      emit(true);
    }
    clearTimeout(idleTimer);
    idleTimer = setTimeout(stop, TYPING_IDLE_MS);
  }

  return { input, stop };
}
