// docs/rules.md §10, Undo, in a room: a later intent that no longer holds without the undone act is
// dropped out loud. The console's undo line names it and why, the log download keeps the White
// Cell's line, and the team whose intent was dropped is told, without the act or the reason.
import { describe, expect, it } from 'vitest';
import type { Intent } from '../../src/engine';
import { reportMarkdown } from '../../src/report/exports';
import { buildReport } from '../../src/report/report';
import { buildTimeline } from '../../src/report/timeline';
import { logFile } from '../../src/server/roomInfo';
import { actsOf, defaultScenario, msgId, roomWith, withTestServer, type TestClient } from './helpers';

// One of Iran's steps outside every span, open from the first round: in force after one round.
const scenario = defaultScenario();
const MOVE = 'iran-cut-houthi-financing';
const server = withTestServer({
  scenario: {
    ...scenario,
    moves: scenario.moves.map((m) =>
      m.id === MOVE ? { ...m, phases: m.phases.includes('ceasefire') ? m.phases : ['ceasefire' as const, ...m.phases] } : m,
    ),
  },
});

describe('an undo that drops a later intent, in a room', () => {
  it('is said in the console, the log download and to the team, never silently', async () => {
    const { fac, code, teams } = await roomWith(server().url, ['iran', 'usa']);
    const room = server().rooms.get(code)!;
    const iran = teams.iran!.client;
    const usa = teams.usa!.client;
    const send = (c: TestClient, intent: Intent) => c.call('intent', { id: msgId(), version: c.version, intent });
    expect(await fac.call('room.action', { id: msgId(), action: { kind: 'start' } })).toEqual({ ok: true });
    await fac.until((c) => c.view?.step === 'negotiation', 5000, 'negotiation');

    // Round 1: Iran commits the step; the round resolves with it in force.
    expect(await send(fac, { type: 'step.close', actor: 'facilitator' })).toEqual({ ok: true });
    for (const c of [iran, usa]) await c.until((t) => t.view?.step === 'commit', 5000, 'the commit step');
    expect(await send(iran, { type: 'commit.submit', actor: 'iran', commit: { moves: [MOVE], defect: [] } })).toEqual({ ok: true });
    expect(await send(usa, { type: 'commit.submit', actor: 'usa', commit: { moves: [], defect: [] } })).toEqual({ ok: true });
    await fac.until(() => room.state.round === 2 && room.state.step === 'negotiation', 20_000, 'round 2');
    expect(room.state.standing.some((st) => st.move === MOVE)).toBe(true);

    // Round 2: ruled in violation (out of force), Iran commits it again, then the ruling is undone.
    await fac.until((c) => c.view?.round === 2, 5000, 'round 2 on the console');
    const ruling: Intent = {
      type: 'facilitator.override',
      actor: 'facilitator',
      override: { kind: 'verification', move: MOVE, result: 'violation' },
      reason: 'the cascade ran',
    };
    expect(await send(fac, ruling)).toEqual({ ok: true });
    const rulingSeq = room.session.log.findLast((e) => e.intent.type === 'facilitator.override')!.seq;
    expect(await send(fac, { type: 'step.close', actor: 'facilitator' })).toEqual({ ok: true });
    await iran.until((c) => c.view?.round === 2 && c.view.step === 'commit', 5000, 'the commit step');
    expect(await send(iran, { type: 'commit.submit', actor: 'iran', commit: { moves: [MOVE], defect: [] } })).toEqual({ ok: true });
    const commitSeq = room.session.log.findLast((e) => e.intent.type === 'commit.submit' && e.intent.actor === 'iran')!.seq;
    expect(room.state.delegations['iran']?.committed).toBe(true);
    expect(
      await fac.call('room.action', { id: msgId(), action: { kind: 'undo', act: `game:${rulingSeq}`, reason: 'wrong site' } }),
    ).toEqual({
      ok: true,
    });
    expect(room.state.delegations['iran']?.committed).toBe(false);

    // The console: the undo's line says what it dropped and why.
    await fac.until((c) => actsOf(c).some((a) => a.isUndo && /Dropped/.test(a.text)), 5000, 'the undo with its drop in the console');
    const undoLine = actsOf(fac).find((a) => a.isUndo)!;
    expect(undoLine.text).toMatch(
      new RegExp(
        `^Undid entry #${rulingSeq}\\. Dropped entry #${commitSeq}, the commit \\(Cut .*\\) by Iran: it no longer held without the undone act \\(.+\\)`,
      ),
    );
    // The facilitator's view (its log panel) has the White Cell's line; the log download replays
    // to it, so the after-action report lists it among the White Cell's acts.
    await fac.until(
      (c) => c.view?.events.some((e) => /undo of entry #\d+ dropped/.test(e.text)) ?? false,
      5000,
      'the line in the console log',
    );
    const { log } = logFile(room);
    const report = buildReport(buildTimeline(room.scenario, log.seed, log.entries));
    expect(report.turningPoints).toContainEqual(
      expect.objectContaining({
        kind: 'white-cell',
        text: expect.stringMatching(new RegExp(`undo of entry #${rulingSeq} dropped entry #${commitSeq}, the commit .* by Iran`)),
      }),
    );
    expect(reportMarkdown(report)).toMatch(/undo of entry #\d+ dropped entry #\d+, the commit/);
    // Iran is told its commit was dropped, without the ruling or the engine's reason; the USA hears nothing.
    await iran.until(
      (c) => c.view?.events.some((e) => /your commit .* was dropped|your commit .* no longer held/.test(e.text)) ?? false,
      5000,
      'Iran told',
    );
    const told = iran.view!.events.filter((e) => e.kind === 'undo' && /your commit/.test(e.text));
    expect(told).toHaveLength(1);
    expect(told[0]?.text).not.toMatch(/entry #|cannot be committed/);
    expect(usa.view!.events.some((e) => /dropped/.test(e.text))).toBe(false);
    fac.close();
    iran.close();
    usa.close();
  }, 40_000);
});
