// The command-line tools as a user runs them: real processes, real files, exit codes.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const run = (...args: string[]) =>
  spawnSync(process.execPath, [join(root, 'scripts', 'cli.mjs'), ...args], { cwd: root, encoding: 'utf8' });
const tmp = mkdtempSync(join(tmpdir(), 'interlock-cli-'));
const lastLine = (out: string) => out.trim().split('\n').at(-1) ?? '';

describe('npm run sim', () => {
  it('prints one JSON object on the last line with the outcome counts', () => {
    const r = run('sim', '--games', '12', '--seed', '7', '--json');
    expect(r.status).toBe(0);
    const result = JSON.parse(lastLine(r.stdout));
    expect(result.games).toBe(12);
    expect(result.seed).toBe(7);
    const { consolidation, drift, unraveling } = result.outcomes;
    expect(consolidation + drift + unraveling).toBe(12);
    expect(result.meanRounds).toBeGreaterThan(1);
    expect(result.gamesPerSecond).toBeGreaterThan(0);
  });

  it('adds the mechanics report to the JSON line, with its keys and consistent figures', () => {
    const result = JSON.parse(lastLine(run('sim', '--games', '10', '--seed', '4', '--json').stdout));
    const m = result.mechanics;
    expect(Object.keys(m).sort()).toEqual(
      [
        'councilFoundedRound',
        'reprisals',
        'misattributedReprisals',
        'snapbacks',
        'sequencedTriggers',
        'disputes',
        'bindingRulings',
        'disputeOutcomes',
        'escrowTranches',
        'escrowEmptyAtSecured',
        'ladderTopRung',
        'objectiveMetRate',
        'incidentsByRound',
        'unravelingCauses',
      ].sort(),
    );
    const sum = (rec: Record<string, number>) => Object.values(rec).reduce((a, b) => a + b, 0);
    expect(sum(m.councilFoundedRound)).toBe(10);
    expect(sum(m.ladderTopRung)).toBe(10);
    expect(sum(m.unravelingCauses)).toBe(result.outcomes.unraveling);
    for (const k of ['reprisals', 'misattributedReprisals', 'snapbacks', 'sequencedTriggers']) expect(m[k]).toBeLessThanOrEqual(10);
    expect(m.misattributedReprisals).toBeLessThanOrEqual(m.reprisals);
    // A binding ruling needs a dispute filed in that game (rules §6.6).
    expect(m.bindingRulings).toBeLessThanOrEqual(m.disputes);
    expect(m.disputes).toBeLessThanOrEqual(10);
    expect(m.escrowEmptyAtSecured).toBeGreaterThanOrEqual(0);
    expect(m.escrowEmptyAtSecured).toBeLessThanOrEqual(1);
    for (const rate of Object.values(m.objectiveMetRate) as number[]) expect(rate >= 0 && rate <= 1).toBe(true);
    expect(m.incidentsByRound.drift).toHaveLength(12);
  });

  it('gives the same outcomes for the same seed', () => {
    const a = JSON.parse(lastLine(run('sim', '--games', '8', '--seed', '3', '--json').stdout));
    const b = JSON.parse(lastLine(run('sim', '--games', '8', '--seed', '3', '--json').stdout));
    expect(a.outcomes).toEqual(b.outcomes);
    expect(a.meanRounds).toBe(b.meanRounds);
  });

  it('refuses a malformed scenario with exit code 2 and every problem with its path', () => {
    const bad = JSON.parse(readFileSync(join(root, 'assets/scenarios/ceasefire-2026.json'), 'utf8'));
    bad.moves[0].delegation = 'nobody';
    bad.tunables.roundLimit = 'twelve';
    const file = join(tmp, 'bad-scenario.json');
    writeFileSync(file, JSON.stringify(bad));
    const r = run('sim', '--games', '1', '--scenario', file);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('tunables.roundLimit');
    expect(r.stderr).toMatch(/problem/);
  });
});

describe('npm run replay', () => {
  const log = join(tmp, 'game.json');

  it('replays a saved log to the hash it recorded', () => {
    expect(run('sim', '--games', '1', '--seed', '11', '--log', log).status).toBe(0);
    const r = run('replay', log);
    expect(r.status).toBe(0);
    const out = JSON.parse(lastLine(r.stdout));
    const file = JSON.parse(readFileSync(log, 'utf8'));
    expect(out.hash).toBe(file.final.hash);
    expect(out.rounds).toBe(file.final.round);
    expect(out.outcome).toBe(file.final.outcome);
  });

  it('refuses an edited log with a non-zero exit and the reason', () => {
    const file = JSON.parse(readFileSync(log, 'utf8'));
    const commit = file.entries.find((e: { intent: { type: string } }) => e.intent.type === 'commit.submit');
    commit.intent.commit.moves = ['no-such-move'];
    const edited = join(tmp, 'edited.json');
    writeFileSync(edited, JSON.stringify(file));
    const r = run('replay', edited);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/refused/);
  });

  it('refuses a file that is not a log', () => {
    const junk = join(tmp, 'junk.json');
    writeFileSync(junk, '{"hello": 1}');
    const r = run('replay', junk);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/not an Interlock log/);
  });
});

describe('npm run scenario:check', () => {
  const small = join(root, 'assets/scenarios/gulf-waters.json');

  it('accepts each scenario shipped with the game, with exit 0 and a summary', () => {
    for (const file of ['assets/scenarios/ceasefire-2026.json', 'assets/scenarios/gulf-waters.json']) {
      const r = run('scenarioCheck', join(root, file));
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(/is valid/);
      expect(r.stdout).toMatch(/phase C ".+" needs/);
    }
  });

  it('lists every problem with its JSON path and exits with code 2', () => {
    const bad = JSON.parse(readFileSync(small, 'utf8'));
    bad.moves[2].delegation = 'irna';
    bad.interlocks[0].window = 9;
    bad.delegations[1].color = 'orange';
    const file = join(tmp, 'bad-small.json');
    writeFileSync(file, JSON.stringify(bad));
    const r = run('scenarioCheck', file);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('interlocks[0].window');
    expect(r.stderr).toContain('delegations[1].color: a colour is #rrggbb');
    // Cross-references are checked once the shape is right.
    bad.interlocks[0].window = 1;
    bad.delegations[1].color = '#E69F00';
    writeFileSync(file, JSON.stringify(bad));
    const again = run('scenarioCheck', file);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('moves[2].delegation: unknown delegation "irna"');
  });

  it('accepts the complete example of docs/scenario-format.md', () => {
    const doc = readFileSync(join(root, 'docs/scenario-format.md'), 'utf8');
    const start = doc.indexOf('```json\n', doc.indexOf('<!-- example: hormuz-hotline')) + 8;
    const file = join(tmp, 'hormuz-hotline.json');
    writeFileSync(file, doc.slice(start, doc.indexOf('```', start)));
    const r = run('scenarioCheck', file);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('"Hormuz Hotline"');
  });

  it('refuses a file that is not JSON, with exit code 2', () => {
    const file = join(tmp, 'notes.json');
    writeFileSync(file, 'my scenario ideas');
    const r = run('scenarioCheck', file);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/\(file\): not valid JSON/);
  });
});

describe('the smaller scenario "Gulf Waters"', () => {
  it('plays to every ending in the batch simulator', () => {
    const r = run('sim', '--games', '200', '--seed', '1', '--scenario', join(root, 'assets/scenarios/gulf-waters.json'), '--json');
    expect(r.status).toBe(0);
    const { outcomes, meanRounds } = JSON.parse(lastLine(r.stdout));
    expect(outcomes.consolidation).toBeGreaterThan(0);
    expect(outcomes.drift).toBeGreaterThan(0);
    expect(outcomes.unraveling).toBeGreaterThan(0);
    expect(meanRounds).toBeLessThanOrEqual(8);
  });
});
