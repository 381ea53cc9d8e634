// For the churn benchmark: when Node runs with --expose-gc, SIGUSR2 forces a full collection and prints the
// memory figures as one JSON line on stdout, so that a leak (heap growing round after round) can be told from
// the allocator keeping pages it once needed (resident memory high, heap back down). Without --expose-gc,
// nothing is registered: a production server never sees this.
import { getHeapSpaceStatistics } from 'node:v8';

export const MEMORY_REPORT_KEY = 'havreMemory';

/** `counts`: sizes of what the server holds per connection (sockets, rooms), printed beside the memory. */
export function reportMemoryOnSignal(counts: () => Record<string, number>): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (typeof gc !== 'function') return;
  process.on('SIGUSR2', () => {
    gc();
    const { rss, heapTotal, heapUsed, external, arrayBuffers } = process.memoryUsage();
    // Where V8's heap is: a space much larger than what it holds keeps pages for the next burst.
    const spaces = Object.fromEntries(
      getHeapSpaceStatistics().map((space) => [space.space_name, [space.space_size, space.space_used_size]]),
    );
    const report = { rss, heapTotal, heapUsed, external, arrayBuffers, spaces, ...counts() };
    process.stdout.write(`${JSON.stringify({ [MEMORY_REPORT_KEY]: report })}\n`);
  });
}
