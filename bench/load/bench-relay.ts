// The same load through the bare Socket.IO relay (bench/bare-relay.ts), for comparison with Havre.
import type { Options } from './options.ts';
import { progress } from './progress.ts';
import { type LoadResult, runLoad } from './run-load.ts';
import { startServerProcess, stopServerProcess } from './server-process.ts';

export async function benchRelay(options: Options): Promise<LoadResult> {
  const server = await startServerProcess('relay', ['bench/bare-relay.ts'], {});
  progress(`bare relay is listening at ${server.url}, pid ${server.process.pid}`);
  const result = await runLoad({ server, cookies: null, measurePostgres: false }, options);
  await stopServerProcess(server);
  return result;
}
