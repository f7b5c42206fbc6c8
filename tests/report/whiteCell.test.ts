// The record shows the White Cell's hand: a violation it ruled is not the monitors' finding, its
// attribution is not the council's success, and the Markdown export keeps both marks.
import { describe, expect, it } from 'vitest';
import { playStep } from '../../src/ai/autoplay';
import { GameSession } from '../../src/machine/session';
import { reportMarkdown } from '../../src/report/exports';
import { buildReport } from '../../src/report/report';
import { buildTimeline } from '../../src/report/timeline';
import { loadScenario } from './cheater';

const scenario = loadScenario('ceasefire-2026.json');

/** A game played by the AI until a step is in force and an incident happened, at a negotiation. */
function gameWithRulingsToMake(): GameSession {
  for (let seed = 1; seed < 60; seed++) {
    const s = GameSession.start(scenario, seed);
    for (let i = 0; i < 30 && !s.done; i++) {
      playStep(scenario, s);
      const st = s.state;
      if (st.step === 'negotiation' && st.standing.length > 0 && st.incidents.some((x) => !x.cancelled)) return s;
    }
  }
  throw new Error('no game reached a step in force and an incident');
}

describe('the White Cell in the after-action report', () => {
  const s = gameWithRulingsToMake();
  const move = s.state.standing[0]!.move;
  const incident = s.state.incidents.find((x) => !x.cancelled)!;
  expect(
    s.send({
      type: 'facilitator.override',
      actor: 'facilitator',
      override: { kind: 'verification', move, result: 'violation' },
      reason: 'the observers’ photographs',
    }).ok,
  ).toBe(true);
  expect(
    s.send({
      type: 'facilitator.override',
      actor: 'facilitator',
      override: { kind: 'attribution', incident: incident.id, sponsor: incident.sponsor },
    }).ok,
  ).toBe(true);
  expect(s.send({ type: 'facilitator.inject', actor: 'facilitator', inject: 'border-skirmish', reason: 'raise the stakes' }).ok).toBe(true);
  expect(s.send({ type: 'facilitator.end', actor: 'facilitator', outcome: 'drift', reason: 'out of time in class' }).ok).toBe(true);
  const r = buildReport(buildTimeline(scenario, s.state.seed, s.log));

  it('marks a forced violation as the White Cell’s ruling, not a verified finding', () => {
    const moveName = scenario.moves.find((m) => m.id === move)!.name;
    const points = r.turningPoints.map((t) => t.text);
    const broke = points.filter((t) => t.includes(moveName) && t.startsWith('Span broken'));
    if (broke.length) expect(broke.every((t) => t.includes('ruled by the White Cell'))).toBe(true);
    expect(points.some((t) => t.startsWith('White Cell ruling:') && t.includes(moveName) && t.includes('the observers’ photographs'))).toBe(
      true,
    );
  });

  it('does not count the White Cell’s attribution as the council’s success', () => {
    const row = r.attribution.rows.find((x) => x.incident.id === incident.id);
    expect(row?.verdict).toBe('ruled by the White Cell');
    expect(r.attribution.ruled).toBeGreaterThanOrEqual(1);
    expect(r.attribution.correct).toBe(r.attribution.rows.filter((x) => x.verdict === 'correct').length);
  });

  it('lists the injects it fired and its end, with reasons; the Markdown keeps every mark', () => {
    const points = r.turningPoints.filter((t) => t.kind === 'white-cell').map((t) => t.text);
    expect(points.some((t) => t.includes('"Border skirmish"') && t.includes('raise the stakes'))).toBe(true);
    expect(points.some((t) => t.includes('ended the game'))).toBe(true);
    const md = reportMarkdown(r);
    expect(md).toContain('set by the White Cell');
    expect(md).toContain('White Cell ruling:');
    expect(md).toContain('out of time in class');
  });
});
