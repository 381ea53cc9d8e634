// The Redis of a cluster run: redis-server on a free loopback port, keeping nothing on disk, stopped by the
// clean-up. The bench never uses the machine's own Redis, whose keys belong to others.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { onCleanUp } from './clean-up.ts';
import { freePort } from './server-process.ts';

export async function startBenchRedis(): Promise<{ url: string; pid: number }> {
  if (spawnSync('redis-server', ['--version']).status !== 0) {
    throw new Error('--nodes needs redis-server (Debian: apt install redis-server)');
  }
  const port = await freePort();
  const child: ChildProcess = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', '/tmp'],
    { stdio: 'ignore' },
  );
  onCleanUp(async () => {
    if (child.exitCode === null) child.kill('SIGKILL');
  });
  const url = `redis://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i += 1) {
    const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    client.on('error', () => {});
    const up = await client
      .connect()
      .then(() => client.ping())
      .catch(() => null);
    client.disconnect();
    if (up === 'PONG') return { url, pid: child.pid ?? 0 };
    await sleep(50);
  }
  throw new Error(`redis-server did not answer on port ${port}`);
}
