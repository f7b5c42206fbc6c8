// The real server as a child process (what `npm start` runs), for kill -9 tests.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { freePort, stopProcess } from '../../src/cli/benchServer';
import { root } from './helpers';

export { freePort };

export class ServerProcess {
  private proc: ChildProcess | null = null;
  constructor(
    readonly port: number,
    readonly dataDir: string,
    /** More environment for the server (INTERLOCK_AI_PACE: 'room' keeps the AI at the rooms' pace). */
    readonly env: Record<string, string> = {},
  ) {}

  get url() {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Starts `scripts/server.mjs --no-client-build` and waits for its address line. */
  start(): Promise<string> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [join(root, 'scripts', 'server.mjs'), '--no-client-build'], {
        cwd: root,
        env: {
          INTERLOCK_AI_PACE: 'instant',
          ...process.env,
          PORT: String(this.port),
          HOST: '127.0.0.1',
          INTERLOCK_DATA: this.dataDir,
          ...this.env,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      this.proc = child;
      let out = '';
      let err = '';
      child.stdout.on('data', (b: Buffer) => {
        out += b.toString();
        if (out.includes('rooms restored')) resolve(out);
      });
      child.stderr.on('data', (b: Buffer) => (err += b.toString()));
      child.on('exit', (code) => reject(new Error(`server exited (${code}): ${err}`)));
    });
  }

  kill9(): Promise<void> {
    return stopProcess(this.proc);
  }
}
