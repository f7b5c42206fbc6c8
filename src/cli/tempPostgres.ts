// A throwaway PostgreSQL for the cluster test and benchmark: initdb in a temporary directory,
// started on a free loopback port with its socket in that directory, stopped and removed after.
// PostgreSQL refuses to run as root: as root, the server runs as the `postgres` OS user.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './benchServer';

export interface TempPostgres {
  url: string;
  port: number;
  /** The server's process ids (the postmaster and its backends), for the benchmark's CPU figures. */
  pids(): number[];
  stop(): void;
}

/** The directory of initdb and pg_ctl: the newest /usr/lib/postgresql/N/bin, or what PATH holds. */
export function postgresBin(): string | null {
  const base = '/usr/lib/postgresql';
  if (existsSync(base)) {
    const versions = readdirSync(base)
      .filter((v) => existsSync(join(base, v, 'bin', 'pg_ctl')))
      .sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return join(base, versions[0], 'bin');
  }
  const which = spawnSync('sh', ['-c', 'command -v pg_ctl'], { encoding: 'utf8' });
  const found = which.stdout.trim();
  return which.status === 0 && found ? join(found, '..') : null;
}

/** The processes whose parent is `pid` (Linux /proc). */
function childrenOf(pid: number): number[] {
  const out: number[] = [];
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid) out.push(Number(d));
    } catch {
      // Gone meanwhile.
    }
  }
  return out;
}

export async function startTempPostgres(opts: { fsync?: boolean; statements?: boolean } = {}): Promise<TempPostgres> {
  const bin = postgresBin();
  if (!bin) throw new Error('PostgreSQL is not installed (apt-get install -y postgresql)');
  const dir = mkdtempSync(join(tmpdir(), 'interlock-pg-'));
  const asRoot = process.getuid?.() === 0;
  // The postgres user must reach the directory; only loopback clients can connect anyway.
  chmodSync(dir, 0o777);
  const run = (tool: string, args: string[]) => {
    const cmd = asRoot ? ['runuser', ['-u', 'postgres', '--', join(bin, tool), ...args]] : [join(bin, tool), args];
    return execFileSync(cmd[0] as string, cmd[1] as string[], { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  };
  const data = join(dir, 'data');
  const port = await freePort();
  run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8']);
  const conf = [
    `-c listen_addresses=127.0.0.1`,
    `-c port=${port}`,
    `-c unix_socket_directories=${dir}`,
    `-c max_connections=200`,
    ...(opts.fsync === false ? ['-c fsync=off', '-c synchronous_commit=off'] : []),
    // Statement counts and times (the benchmark's BENCH_PG_STATS=1).
    ...(opts.statements ? ['-c shared_preload_libraries=pg_stat_statements'] : []),
  ].join(' ');
  run('pg_ctl', ['-D', data, '-l', join(dir, 'log'), '-w', '-t', '30', '-o', conf, 'start']);
  let stopped = false;
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    pids() {
      const main = Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
      return [main, ...childrenOf(main)];
    },
    stop() {
      if (stopped) return;
      stopped = true;
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
