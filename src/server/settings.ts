// The server's settings from its environment (npm start), and the last-resort handler that keeps
// the rooms running when one request or one room throws where nothing else caught it.
import type { ServerOptions } from './app';

type Env = Record<string, string | undefined>;

/** The shortest facilitator or health key accepted: a guessable key would open the reserve to anyone. */
const MIN_KEY = 12;

function key(env: Env, name: string): string | null {
  const v = env[name]?.trim();
  if (!v) return null;
  if (v.length < MIN_KEY) {
    process.stderr.write(`${name} is ignored: it needs at least ${MIN_KEY} characters\n`);
    return null;
  }
  return v;
}

export function serverSettings(
  env: Env,
): Pick<ServerOptions, 'gateway' | 'allowedOrigins' | 'healthKey' | 'sourceMaps' | 'trustProxy' | 'aiPace'> {
  const maxRooms = Number(env.INTERLOCK_MAX_ROOMS);
  return {
    gateway: {
      facilitatorKey: key(env, 'INTERLOCK_FACILITATOR_KEY'),
      ...(Number.isInteger(maxRooms) && maxRooms > 0 ? { maxRooms } : {}),
    },
    allowedOrigins: (env.INTERLOCK_ALLOWED_ORIGINS ?? '')
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean),
    healthKey: key(env, 'INTERLOCK_HEALTH_KEY'),
    sourceMaps: env.INTERLOCK_SOURCEMAPS === '1',
    trustProxy: env.INTERLOCK_TRUST_PROXY === '1',
    // AI seats acting at once: for the test suite and the benches, never for a class.
    ...(env.INTERLOCK_AI_PACE === 'instant' ? { aiPace: 'instant' as const } : {}),
  };
}

/** Logs what nothing caught, and goes on: every other room keeps its game and its clients. */
export function keepRunning(log: (line: string) => void = (l) => process.stderr.write(l)) {
  // When the log itself is gone (stdout or stderr a closed pipe: `npm start | head`), writing to it
  // fails again and again; the server stops logging there instead of spinning on its own errors.
  let logGone = false;
  const gone = (err: unknown) => ['EPIPE', 'ERR_STREAM_DESTROYED'].includes((err as NodeJS.ErrnoException | null)?.code ?? '');
  for (const stream of [process.stdout, process.stderr])
    stream.on('error', (err) => {
      if (gone(err)) logGone = true;
    });
  const report = (line: string) => {
    if (logGone) return;
    try {
      log(line);
    } catch (err) {
      if (gone(err)) logGone = true;
    }
  };
  process.on('uncaughtException', (err) => {
    if (gone(err)) logGone = true;
    else report(`Interlock: an error nothing caught (the server goes on): ${err.stack ?? String(err)}\n`);
  });
  process.on('unhandledRejection', (err) =>
    report(
      `Interlock: a promise failed and nothing caught it (the server goes on): ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
    ),
  );
}
