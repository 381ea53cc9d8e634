// What the console benchmark measures inside the page, installed before the console's own code runs: each
// key press to the next frame, each tab switch (Alt+Shift+N) to the frame that shows the new tab, when each
// benchmark message appears on screen, and the main thread's long tasks. Read back with readProbe().
import type { Page } from 'playwright-core';

export interface ProbeReadout {
  keyToFrameMs: number[];
  tabSwitchMs: number[];
  /** Client id of a benchmark message → Date.now() when it was first on screen. */
  shownAt: Record<string, number>;
  longTasksMs: number[];
}

declare global {
  interface Window {
    __consoleBench: ProbeReadout;
  }
}

/** Runs in the page (serialised by Playwright): nothing from this module's scope is reachable in there. */
function probe() {
  const readout: ProbeReadout = { keyToFrameMs: [], tabSwitchMs: [], shownAt: {}, longTasksMs: [] };
  window.__consoleBench = readout;
  let switchPressedAt: number | null = null;

  addEventListener(
    'keydown',
    (event) => {
      const pressedAt = event.timeStamp;
      if (event.altKey && event.shiftKey && event.code === 'KeyN') switchPressedAt = pressedAt;
      else requestAnimationFrame(() => readout.keyToFrameMs.push(performance.now() - pressedAt));
    },
    true,
  );

  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) readout.longTasksMs.push(entry.duration);
  }).observe({ type: 'longtask', buffered: true });

  const pattern = /bench ([0-9a-f-]{36})/g;
  new MutationObserver((mutations) => {
    const now = Date.now();
    for (const mutation of mutations) {
      if (mutation.type === 'attributes') {
        const target = mutation.target as Element;
        if (switchPressedAt !== null && target.getAttribute('aria-selected') === 'true') {
          const pressedAt = switchPressedAt;
          switchPressedAt = null;
          requestAnimationFrame(() => readout.tabSwitchMs.push(performance.now() - pressedAt));
        }
        continue;
      }
      for (const node of mutation.addedNodes) {
        for (const match of (node.textContent ?? '').matchAll(pattern)) {
          const clientId = match[1] as string;
          readout.shownAt[clientId] ??= now;
        }
      }
    }
  }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-selected'] });
}

export async function installProbe(page: Page): Promise<void> {
  await page.addInitScript(probe);
}

export function readProbe(page: Page): Promise<ProbeReadout> {
  return page.evaluate(() => window.__consoleBench);
}

/**
 * Chromium's own counters for the page (main-thread busy seconds, heap, DOM nodes), counted from this call on:
 * read() gives them so far.
 */
export async function pageMetrics(page: Page) {
  const session = await page.context().newCDPSession(page);
  await session.send('Performance.enable');
  return {
    async read(): Promise<Record<string, number>> {
      const { metrics } = await session.send('Performance.getMetrics');
      return Object.fromEntries(metrics.map(({ name, value }) => [name, value]));
    },
  };
}
