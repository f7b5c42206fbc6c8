// One server process of a cluster (what `npm start` runs with INTERLOCK_DATABASE_URL), for the
// cluster test and benchmark: started on a free loopback port, stopped by kill -9 or SIGTERM.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, HEALTH_KEY, stopProcess } from './benchServer';

export class ClusterNode {
  private proc: ChildProcess | null = null;
  /** The node id the process printed as it started. */
  id = '';
  port = 0;
  output = '';

  constructor(
    private readonly root: string,
    private readonly databaseUrl: string,
    private readonly env: Record<string, string> = {},
  ) {}

  get url() {
    return `http://127.0.0.1:${this.port}`;
  }

  /** The process id (0 before it started). */
  get pid() {
    return this.proc?.pid ?? 0;
  }

  get alive() {
    return this.proc !== null && this.proc.exitCode === null && this.proc.signalCode === null;
  }

  async start(): Promise<this> {
    this.port = await freePort();
    await new Promise<void>((resolve, reject) => {
      // BENCH_PROF=DIR: each process writes a CPU profile there when it stops gracefully (stop()).
      const prof = process.env.BENCH_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROF}`] : [];
      const child = spawn(process.execPath, [...prof, join(this.root, 'scripts', 'server.mjs'), '--no-client-build'], {
        cwd: this.root,
        env: {
          ...process.env,
          PORT: String(this.port),
          HOST: '127.0.0.1',
          INTERLOCK_DATA: mkdtempSync(join(tmpdir(), 'interlock-node-')),
          INTERLOCK_DATABASE_URL: this.databaseUrl,
          INTERLOCK_HEALTH_KEY: HEALTH_KEY,
          ...this.env,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      this.proc = child;
      const seen = (b: Buffer) => {
        this.output += b.toString();
        const m = /node ([0-9a-f]+)\)/.exec(this.output);
        if (m && this.output.includes('rooms restored')) {
          this.id = m[1] ?? '';
          resolve();
        }
      };
      child.stdout.on('data', seen);
      child.stderr.on('data', (b: Buffer) => (this.output += b.toString()));
      child.on('exit', (code) => reject(new Error(`cluster node exited (${code}): ${this.output}`)));
    });
    return this;
  }

  async health(): Promise<{ rooms: number }> {
    const r = await fetch(`${this.url}/healthz?key=${HEALTH_KEY}`);
    return (await r.json()) as { rooms: number };
  }

  kill9(): Promise<void> {
    return this.alive ? stopProcess(this.proc) : Promise.resolve();
  }

  /** A graceful stop: the process hands its rooms back first. */
  stop(): Promise<void> {
    return this.alive ? stopProcess(this.proc, 'SIGTERM') : Promise.resolve();
  }
}

/** CPU time a process has used so far, in ms (Linux /proc; 0 for a process gone). */
export function cpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime, fields 14 and 15 of stat, in clock ticks of 10 ms.
    return (Number(f[11]) + Number(f[12])) * 10;
  } catch {
    return 0;
  }
}

/** The machine's CPU time so far, in ms summed over its cores: busy and idle (Linux /proc/stat; zeros elsewhere). */
export function machineCpuMs(): { busy: number; idle: number } {
  try {
    const f = readFileSync('/proc/stat', 'utf8').split('\n')[0]?.trim().split(/\s+/).slice(1).map(Number) ?? [];
    // user nice system idle iowait irq softirq steal, in ticks of 10 ms.
    const idle = (f[3] ?? 0) + (f[4] ?? 0);
    const busy = f.slice(0, 8).reduce((a, x) => a + x, 0) - idle;
    return { busy: busy * 10, idle: idle * 10 };
  } catch {
    return { busy: 0, idle: 0 };
  }
}
