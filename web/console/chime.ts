// A short two-note chime synthesised with Web Audio, so that no sound file is fetched from anywhere: a clear
// one for something new, a quieter single note for a reminder. Browsers only let sound start after a gesture,
// so the context is created when she turns sound on and resumed before each chime.

let context: AudioContext | null = null;

/** Call from a click (turning sound on): browsers allow audio only after a gesture on the page. */
export function unlockChime(): Promise<void> {
  context ??= new AudioContext();
  return context.resume();
}

function note(audio: AudioContext, frequency: number, start: number, volume: number): void {
  const oscillator = audio.createOscillator();
  const gain = audio.createGain();
  oscillator.type = 'sine';
  oscillator.frequency.value = frequency;
  // A soft attack and a long fade: a bell, not a beep.
  gain.gain.setValueAtTime(0, start);
  gain.gain.linearRampToValueAtTime(volume, start + 0.02);
  gain.gain.exponentialRampToValueAtTime(0.0001, start + 0.9);
  oscillator.connect(gain).connect(audio.destination);
  oscillator.start(start);
  oscillator.stop(start + 1);
}

export function playChime(kind: 'new' | 'reminder'): void {
  context ??= new AudioContext();
  const audio = context;
  // Not allowed yet (no gesture since the page loaded): stay silent rather than queue a burst for later.
  if (audio.state !== 'running') {
    void audio.resume();
    return;
  }
  const now = audio.currentTime;
  if (kind === 'new') {
    note(audio, 660, now, 0.18);
    note(audio, 880, now + 0.18, 0.18);
  } else {
    note(audio, 660, now, 0.06);
  }
}
