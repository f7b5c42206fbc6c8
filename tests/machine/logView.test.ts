// An AI's secret reason (why it quietly defects) is a field of its sealed commit: the log a seat
// or the public reads during the game never carries another delegation's; the facilitator (the
// White Cell) reads them all; once the game is over the end screen shows every one.
import { describe, expect, it } from 'vitest';
import { playStep } from '../../src/ai/autoplay';
import type { Persona } from '../../src/ai/persona';
import { catalog, parseIntent, type Audience } from '../../src/engine';
import { logFor, secretReasons } from '../../src/machine/logView';
import { GameSession } from '../../src/machine/session';
import { SCENARIO } from '../engine/fixtures';

const ids = catalog(SCENARIO).delegationIds;
const hawks: Record<string, Persona> = Object.fromEntries(ids.map((d) => [d, { personality: 'hawk', difficulty: 'standard' }]));

/** Plays AI hawks (seed 17 has a quiet defection before the game ends) until `until` holds or the game ends. */
function playUntil(session: GameSession, until: () => boolean) {
  for (let guard = 0; guard < 200 && !session.done && !until(); guard++) {
    const before = `${session.state.round}:${session.state.step}`;
    playStep(SCENARIO, session, { personas: hawks });
    if (!session.done && `${session.state.round}:${session.state.step}` === before) session.send({ type: 'step.close', actor: 'system' });
  }
}

const secretsIn = (session: GameSession) =>
  session.log.flatMap((e) =>
    e.intent.type === 'commit.submit' && e.intent.secretReason ? [{ actor: e.actor, text: e.intent.secretReason }] : [],
  );

describe('the secret reason in the event log', () => {
  const session = GameSession.start(SCENARIO, 17);
  playUntil(session, () => secretsIn(session).length > 0 && session.state.step === 'negotiation');
  const secrets = secretsIn(session);

  it('is kept in the authority’s log, apart from the public reason', () => {
    expect(session.done).toBe(false);
    expect(secrets.length).toBeGreaterThan(0);
    for (const e of session.log) {
      if (e.intent.type !== 'commit.submit' || !e.intent.secretReason) continue;
      expect(e.intent.reason ?? '').not.toContain(e.intent.secretReason);
    }
  });

  it('during the game, no seat’s view of the log holds another seat’s secret; its own it keeps', () => {
    for (const d of ids) {
      const text = JSON.stringify(logFor(session.log, { kind: 'delegation', id: d }, false));
      for (const s of secrets) {
        if (s.actor === d) expect(text, `${d} reads its own secret`).toContain(JSON.stringify(s.text).slice(1, -1));
        else expect(text, `${d} reads ${s.actor}'s secret`).not.toContain(s.text);
      }
    }
    const publicLog = JSON.stringify(logFor(session.log, { kind: 'public' } as Audience, false));
    for (const s of secrets) expect(publicLog, 'public').not.toContain(s.text);
    const whiteCell = JSON.stringify(logFor(session.log, { kind: 'facilitator' } as Audience, false));
    for (const s of secrets) expect(whiteCell, 'facilitator').toContain(JSON.stringify(s.text).slice(1, -1));
    expect(secretReasons(SCENARIO, session.log, false)).toEqual([]);
  });

  it('once the game is over, the end screen shows every secret reason', () => {
    const finished = GameSession.start(SCENARIO, 17);
    playUntil(finished, () => false);
    expect(finished.done).toBe(true);
    const all = secretsIn(finished);
    expect(all.length).toBeGreaterThanOrEqual(secrets.length);
    const shown = secretReasons(SCENARIO, finished.log, true);
    expect(shown).toHaveLength(all.length);
    for (const s of all) expect(shown.some((line) => line.includes(s.text))).toBe(true);
    const publicLog = JSON.stringify(logFor(finished.log, { kind: 'public' }, true));
    for (const s of all) expect(publicLog).toContain(JSON.stringify(s.text).slice(1, -1));
  });

  it('the intent schema accepts a secret reason and bounds its length', () => {
    const commit = { type: 'commit.submit', actor: 'iran', commit: { moves: [], defect: [] }, reason: 'Open.' };
    expect(parseIntent({ ...commit, secretReason: 'We quietly keep going.' }).ok).toBe(true);
    const long = parseIntent({ ...commit, secretReason: 'x'.repeat(401) });
    expect(long.ok).toBe(false);
    if (!long.ok) expect(long.error).toMatch(/secretReason/);
    expect(parseIntent({ type: 'negotiation.ready', actor: 'iran', secretReason: 'no' }).ok).toBe(false);
  });
});
