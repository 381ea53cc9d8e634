// Moves focus to a new screen's heading so that screen-reader users hear that the screen changed.
// The first screen after page load is left alone: focus starts at the top of the page as usual.
import type { RefObject } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

let firstScreen = true;

export function useHeadingFocus(): RefObject<HTMLHeadingElement | null> {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (firstScreen) {
      firstScreen = false;
      return;
    }
    ref.current?.focus();
  }, []);
  return ref;
}
