// The AI holds against people: it leaves a person its own span to write at the start of a phase
// (a person at the table has real work, not only offers to accept), and a person's junk offers
// do not make the moves they name "busy" for it.
import { describe, expect, it } from 'vitest';
import { decideStage } from '../../src/ai/policy';
import { PEOPLE_FIRST_ROUNDS } from '../../src/ai/negotiate';
import type { Seating } from '../../src/ai/scheduler';
import { applyIntent, catalog, checkIntent, decisionView, seatStream, type GameState, type Intent } from '../../src/engine';
import { SCENARIO, gameAt } from '../engine/fixtures';

const cat = catalog(SCENARIO);
const DOVE = { personality: 'dove', difficulty: 'standard' } as const;
const spanSteps = (id: string) => cat.spanSteps.get(id) ?? [];

function talks(round: number): GameState {
  const s = gameAt(SCENARIO, 'A', round);
  s.step = 'negotiation';
  return s;
}

/** The moves of every span package the AI seats propose, seat after seat, as the scheduler asks them. */
function aiProposals(s: GameState, seating: Seating): string[][] {
  let state = s;
  const out: string[][] = [];
  for (const d of cat.delegationIds) {
    if (seating.people.includes(d)) continue;
    for (const dec of decideStage(SCENARIO, decisionView(state, d), d, DOVE, 'propose', seatStream(state, d), seating)) {
      const i = dec.intent as Intent & { steps?: Array<{ move: string }> };
      out.push((i.steps ?? []).map((x) => x.move));
      state = applyIntent(SCENARIO, state, dec.intent);
    }
  }
  return out;
}

const proposes = (all: string[][], span: string) => all.some((moves) => spanSteps(span).every((m) => moves.includes(m)));
// The US's own span in phase A: the first span of the phase with a US step.
const usSpan = SCENARIO.interlocks.find((x) => x.phase === 'A' && spanSteps(x.id).some((m) => cat.move.get(m)?.delegation === 'usa'));

describe('the AI leaves people real work', () => {
  it('does not write a person’s own span in the phase’s first round, and does once that round is over', () => {
    expect(usSpan).toBeDefined();
    const id = usSpan?.id ?? '';
    expect(proposes(aiProposals(talks(3), { people: [], phaseSince: 3 }), id)).toBe(true);
    expect(proposes(aiProposals(talks(3), { people: ['usa'], phaseSince: 3 }), id)).toBe(false);
    const later = 3 + PEOPLE_FIRST_ROUNDS;
    expect(proposes(aiProposals(talks(later), { people: ['usa'], phaseSince: 3 }), id)).toBe(true);
  });

  it('still writes the other spans the person has a step in', () => {
    const all = aiProposals(talks(3), { people: ['usa'], phaseSince: 3 });
    const others = SCENARIO.interlocks.filter(
      (x) => x.phase === 'A' && x.id !== usSpan?.id && spanSteps(x.id).some((m) => cat.move.get(m)?.delegation === 'usa'),
    );
    expect(others.length).toBeGreaterThan(0);
    expect(others.some((x) => proposes(all, x.id))).toBe(true);
  });
});

describe('junk does not make moves busy', () => {
  it('a person’s offer that completes no span leaves its moves free for the AI’s span offer', () => {
    const span = SCENARIO.interlocks.find((x) => x.id === 'a-border-calm');
    const [restraint] = spanSteps(span?.id ?? '');
    let s = talks(4);
    // The US (a person) offers a junk package naming the span's restraint beside unrelated steps.
    const junk: Intent = {
      type: 'package.propose',
      actor: 'usa',
      steps: [
        { delegation: 'usa', move: 'usa-reduce-patrols' },
        { delegation: 'iran', move: restraint as string },
        { delegation: 'israel', move: 'israel-intel-sharing' },
      ],
      window: 3,
    };
    expect(checkIntent(SCENARIO, s, junk)).toBeNull();
    s = applyIntent(SCENARIO, s, junk);
    const seating = { people: ['usa'], phaseSince: 1 };
    expect(proposes(aiProposals(s, seating), 'a-border-calm')).toBe(true);
  });

  it('a sound span offer on the table does make them busy: the AI does not offer the same span twice', () => {
    let s = talks(4);
    const steps = spanSteps('a-border-calm').map((m) => ({ delegation: cat.move.get(m)?.delegation ?? '', move: m }));
    s = applyIntent(SCENARIO, s, { type: 'package.propose', actor: 'iran', steps, window: 1 });
    const all = aiProposals(s, { people: ['iran'], phaseSince: 1 });
    expect(proposes(all, 'a-border-calm')).toBe(false);
  });
});
