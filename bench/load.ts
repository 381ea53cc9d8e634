// Load benchmark: `npm run bench` (see --help). Many socket.io-client pairs, a visitor and a counselor per
// conversation, each writing one message every 5 s; it prints the conversations held, messages per second,
// visitor → counselor latency, the server's memory, and the same load through a bare Socket.IO relay
// (bench/bare-relay.ts) for comparison. It measures and prints; it asserts nothing.
//
// Havre and the relay run in child processes, so that their memory and CPU can be read from /proc; the load
// generator runs here. The database is prepared directly beforehand (open hours all week, one conversation per
// counselor, N counselors with a live session each), so that no login round trip is needed. Everything this
// script starts (processes, sockets, the temporary folder, the PostgreSQL database) is stopped or removed by
// it, also on error or Ctrl-C. It only ever connects to 127.0.0.1 (and to --postgres-url). The pieces are in
// bench/load/.
import { benchHavre } from './load/bench-havre.ts';
import { benchRelay } from './load/bench-relay.ts';
import { benchMain, runCleanly } from './load/clean-up.ts';
import { type Options, parseOptions, usage } from './load/options.ts';
import { progress } from './load/progress.ts';
import { printReport } from './load/report.ts';

async function main(options: Options): Promise<number> {
  const { conversations, durationS, intervalS, batch } = options;
  progress(
    `${conversations} conversations, ${durationS} s steady state, one message per side every ${intervalS} s, ramp-up by ${batch}`,
  );
  // A bound on the whole run, whatever happens: ramp-ups, steady states, drains, start and stop of processes.
  return runCleanly(2 * (60_000 + 250 * conversations + (durationS + 60) * 1000) + 120_000, async () => {
    const havre = options.havre ? await benchHavre(options) : null;
    const relay = options.relay ? await benchRelay(options) : null;
    printReport(options, havre, relay);
  });
}

benchMain(parseOptions, usage, main);
