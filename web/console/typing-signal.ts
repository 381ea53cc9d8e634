// Throttles the counselor's "typing" hint: `true` at most every few seconds while she types, `false` once she
// stops for a while, sends or empties the box. Timers and clock are passed in so the rule is testable.
export interface TypingSignalOptions {
  emit: (typing: boolean) => void;
  now: () => number;
  setTimer: (callback: () => void, ms: number) => unknown;
  clearTimer: (handle: unknown) => void;
  /** While she keeps typing, repeat `true` this often (the other side forgets a hint after a while). */
  repeatMs?: number;
  /** After this long without a keystroke she is no longer typing. */
  idleMs?: number;
}

export interface TypingSignal {
  input: (hasText: boolean) => void;
  stop: () => void;
}

export function createTypingSignal({
  emit,
  now,
  setTimer,
  clearTimer,
  repeatMs = 3_000,
  idleMs = 4_000,
}: TypingSignalOptions): TypingSignal {
  let typing = false;
  let lastSentAt = 0;
  let idleTimer: unknown = null;

  const clearIdle = () => {
    if (idleTimer !== null) clearTimer(idleTimer);
    idleTimer = null;
  };

  const stop = () => {
    clearIdle();
    if (!typing) return;
    typing = false;
    emit(false);
  };

  const input = (hasText: boolean) => {
    if (!hasText) return stop();
    clearIdle();
    idleTimer = setTimer(stop, idleMs);
    if (typing && now() - lastSentAt < repeatMs) return;
    typing = true;
    lastSentAt = now();
    emit(true);
  };

  return { input, stop };
}
