// npm run talk as a user runs it: a real process, the JSON on the last line, exit codes.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { intentSchema } from '../../src/engine';

const root = join(import.meta.dirname, '..', '..');
const run = (...args: string[]) =>
  spawnSync(process.execPath, [join(root, 'scripts', 'cli.mjs'), 'talk', ...args], { cwd: root, encoding: 'utf8' });
const last = (out: string) =>
  JSON.parse(out.trim().split('\n').at(-1) ?? '') as { intents: Array<Record<string, unknown>>; understood: boolean; reply: string };

describe('npm run talk', () => {
  it('prints the intents read from a message, in the game format, and the reply of the recipient at the start of the game', () => {
    const r = run('--from', 'iran', '--to', 'usa', '--text', 'Lets both sign the benchmark calender', '--json');
    expect(r.status).toBe(0);
    const out = last(r.stdout);
    expect(out.understood).toBe(true);
    expect(out.intents).toEqual([
      {
        type: 'package.propose',
        actor: 'iran',
        steps: [
          { delegation: 'iran', move: 'iran-endorse-calendar' },
          { delegation: 'usa', move: 'usa-endorse-calendar' },
        ],
        window: 1,
      },
    ]);
    // The intents are the game's own: the engine's schema takes them as they are.
    expect(intentSchema.safeParse(out.intents[0]).success).toBe(true);
    expect(out.reply).toMatch(/tabled/);
  });

  it('answers a question and says when it did not understand, with the closest moves', () => {
    const q = last(run('--from', 'israel', '--to', 'usa', '--text', 'What does Iran want?', '--json').stdout);
    expect(q.intents).toEqual([{ type: 'question', actor: 'israel', about: 'iran' }]);
    expect(q.reply).toContain('Iran says it wants');
    const n = last(run('--from', 'iran', '--to', 'usa', '--text', 'could you lower the price of oil for our tankers', '--json').stdout);
    expect(n.understood).toBe(false);
    expect(n.intents).toEqual([]);
    expect(n.reply).toMatch(/closest moves/);
  });

  it('is the same for the same seed, and refuses bad arguments with a clear message', () => {
    const args = ['--from', 'gulf', '--to', 'iran', '--text', 'we open a hotline if you pull back your launchers', '--seed', '4', '--json'];
    expect(run(...args).stdout).toBe(run(...args).stdout);
    const bad = run('--from', 'iran', '--to', 'mars', '--text', 'hi');
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('unknown delegation "mars"');
    expect(run('--from', 'iran').status).toBe(1);
    const badScenario = run('--from', 'iran', '--to', 'usa', '--text', 'hi', '--scenario', '/nonexistent.json');
    expect(badScenario.status).toBe(2);
  });

  it('reads the second scenario with its own names and synonyms', () => {
    const r = run(
      '--from',
      'iran',
      '--to',
      'gulf',
      '--text',
      'we open a naval hotline if you keep your navies back',
      '--scenario',
      join(root, 'assets', 'scenarios', 'gulf-waters.json'),
      '--json',
    );
    expect(r.status).toBe(0);
    const out = last(r.stdout);
    expect(out.intents[0]?.steps).toEqual([
      { delegation: 'iran', move: 'iran-open-hotline' },
      { delegation: 'gulf', move: 'gulf-maritime-restraint' },
    ]);
  });
});
