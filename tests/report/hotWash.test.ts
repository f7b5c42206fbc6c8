// The hot wash (docs/rules.md §7): prompts on the game's ideas tied to what happened, the events
// on the tension curve, what the White Cell changed — and, on the projector during play, only
// what the public may see (§9): no private line, no secret objective, no true sponsor.
import { describe, expect, it } from 'vitest';
import { playStep } from '../../src/ai/autoplay';
import { facilitatorView, objectivesOf, type GameEvent, type GameState } from '../../src/engine';
import { GameSession } from '../../src/machine/session';
import { buildHotWash, HOT_WASH_THEMES } from '../../src/report/hotWash';
import { nameIn } from '../../src/report/report';
import { clientView } from '../../src/server/views';
import { loadScenario } from './cheater';

const scenario = loadScenario('ceasefire-2026.json');
/** What the server sends the projector (filtered at the source). */
const wallView = (st: GameState) => clientView(st, { kind: 'public' });

/** A game the AI played past an incident whose sponsor is a delegation (not the network on its own), at a negotiation. */
function gameWithAnIncident(): GameSession {
  for (let seed = 1; seed < 80; seed++) {
    const s = GameSession.start(scenario, seed);
    for (let i = 0; i < 40 && !s.done; i++) {
      playStep(scenario, s);
      const st = s.state;
      const named = st.incidents.some((x) => !x.cancelled && scenario.delegations.some((d) => d.id === x.sponsor));
      if (st.step === 'negotiation' && st.history.length >= 2 && named) return s;
    }
  }
  throw new Error('no game reached an incident with a delegation as its sponsor');
}

describe('the hot wash', () => {
  const s = gameWithAnIncident();
  const incident = s.state.incidents.find((x) => !x.cancelled && scenario.delegations.some((d) => d.id === x.sponsor))!;
  const send = (intent: Parameters<GameSession['send']>[0]) => expect(s.send(intent)).toEqual({ ok: true });
  send({
    type: 'facilitator.inject',
    actor: 'facilitator',
    inject: { title: 'Back channel in Muscat', text: 'Oman hosts a quiet meeting.', audience: ['iran'], effects: { tension: -2 } },
    reason: 'test the back channel',
  });
  send({ type: 'facilitator.reveal', actor: 'facilitator', what: 'incident', incident: incident.id, to: 'israel', reason: 'a tip-off' });
  send({ type: 'facilitator.reveal', actor: 'facilitator', what: 'objectives', whose: 'usa', to: 'iran', reason: 'a leak' });
  send({ type: 'facilitator.inject', actor: 'facilitator', inject: 'border-skirmish', reason: 'raise the stakes' });
  const state = s.state;
  const secretLines = state.events.filter((e: GameEvent) => e.audience !== 'all').map((e) => e.text);
  const objectives = scenario.delegations.flatMap((d) => objectivesOf(scenario, state, d.id).map((o) => o.text));

  it('asks about every idea of the game, tied to this game where something happened', () => {
    const hw = buildHotWash(scenario, facilitatorView(state));
    expect(new Set(hw.prompts.map((p) => p.theme))).toEqual(new Set(HOT_WASH_THEMES));
    // The incident and the public inject are in this game: the spoilers' prompts name their rounds.
    const spoilers = hw.prompts.filter((p) => p.theme === 'spoilers');
    expect(spoilers.every((p) => p.round !== null && p.text.startsWith(`Round ${p.round}: `))).toBe(true);
    expect(spoilers.some((p) => p.text.includes('Border skirmish'))).toBe(true);
    // An idea nothing touched still gets its general question.
    const general = hw.prompts.filter((p) => p.round === null);
    expect(general.length).toBeGreaterThan(0);
    for (const p of general) expect(p.text).toMatch(/\?$/);
  });

  it('puts the incidents, injects and the White Cell’s acts on the tension curve, round by round', () => {
    const hw = buildHotWash(scenario, facilitatorView(state));
    expect(hw.curve.map((x) => x.tension)).toEqual(state.history.map((x) => x.tension));
    expect(hw.marks.some((m) => m.kind === 'incident' && m.round === incident.round && m.text.includes(`#${incident.id}`))).toBe(true);
    expect(hw.marks.filter((m) => m.kind === 'inject').map((m) => m.text)).toEqual(
      expect.arrayContaining([expect.stringContaining('Muscat'), expect.stringContaining('Border skirmish')]),
    );
    expect(hw.marks.filter((m) => m.kind === 'white-cell').length).toBe(2);
    // Without the console's record, the White Cell's list holds its lines as the view shows them.
    expect(hw.whiteCell.map((c) => c.text).join('\n')).toContain(`incident #${incident.id}`);
  });

  it('lists the White Cell’s record with its reasons when the console gives it', () => {
    const record = [{ round: state.round, text: 'Handed Iran to the AI.', reason: 'coffee break', undone: false }];
    expect(buildHotWash(scenario, facilitatorView(state), record).whiteCell).toEqual(record);
  });

  it('on the projector during play: no private line, no secret objective, no true sponsor', () => {
    const hw = buildHotWash(scenario, wallView(state));
    const text = JSON.stringify(hw);
    expect(secretLines.length).toBeGreaterThan(0);
    for (const line of secretLines) expect(text).not.toContain(line);
    for (const o of objectives) expect(text).not.toContain(o);
    expect(text).not.toContain('Muscat');
    expect(text).not.toContain('sponsored by');
    expect(text).not.toContain(`true sponsor`);
    // The private inject's public trace stays: everyone read that figures moved.
    expect(hw.marks.some((m) => m.text.startsWith('An event not made public moved public figures'))).toBe(true);
    // Its White Cell list holds only the public inject (reveals to one team are not the wall's).
    expect(hw.whiteCell.every((c) => !c.text.startsWith('Revealed'))).toBe(true);
  });

  it('refuses to show private lines even when handed a view that holds them, unless it is the White Cell’s or the game is over', () => {
    const leaky = { ...facilitatorView(state), viewer: { kind: 'public' as const } };
    const text = JSON.stringify(buildHotWash(scenario, leaky));
    for (const line of secretLines) expect(text).not.toContain(line);
  });

  it('after the end shows what the end reveals', () => {
    const ended = GameSession.start(scenario, state.seed);
    for (const e of s.log) expect(ended.send(e.intent).ok).toBe(true);
    expect(ended.send({ type: 'facilitator.end', actor: 'facilitator', outcome: 'drift', reason: 'out of time' }).ok).toBe(true);
    const hw = buildHotWash(scenario, wallView(ended.state));
    expect(hw.over).toBe(true);
    expect(hw.endReason).toContain('out of time');
    expect(JSON.stringify(hw)).toContain('Muscat');
    expect(hw.whiteCell.some((c) => c.text.includes(nameIn(scenario, incident.sponsor)))).toBe(true);
  });
});
