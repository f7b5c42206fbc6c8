// Games for the debrief tests with a known cheat in them: the AI plays every seat but one, and a
// scripted delegation accepts every package, delivers what it can (except its part of one-round
// packages with an odd number), and quietly abandons every verified step it may. Its quiet
// defections do not depend on how the AI is tuned.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { playStep } from '../../src/ai/autoplay';
import { apAvailable, catalog, commitMoves, type Scenario } from '../../src/engine';
import { parseScenarioText } from '../../src/engine/scenario/load';
import { GameSession } from '../../src/machine/session';
import { stepsInForce, defectionsIn } from '../../src/report/secrets';

export function loadScenario(file: string): Scenario {
  const r = parseScenarioText(readFileSync(fileURLToPath(new URL(`../../assets/scenarios/${file}`, import.meta.url)), 'utf8'));
  if (!r.ok) throw new Error(`${file} does not load`);
  return r.scenario;
}

/** One step of the scripted seat: accept and get ready, or commit promised steps and defect. */
function cheat(sc: Scenario, s: GameSession, d: string) {
  const st = s.state;
  if (st.step === 'negotiation' && !st.delegations[d]?.ready) {
    for (const p of st.packages)
      if (p.status === 'proposed' && p.parties.includes(d) && !p.accepted.includes(d))
        s.send({ type: 'package.accept', actor: d, package: p.id });
    if (s.state.step === 'negotiation') s.send({ type: 'negotiation.ready', actor: d });
  } else if (st.step === 'commit' && !st.delegations[d]?.committed) {
    // It breaks its word on every one-round package with an odd number: windows then close unmatched.
    const promised = new Set(
      st.packages
        .filter((p) => p.status === 'accepted' && !(p.window === 1 && p.id % 2 === 1))
        .flatMap((p) => p.steps.filter((x) => x.delegation === d).map((x) => x.move)),
    );
    const moves: string[] = [];
    let ap = apAvailable(st, d);
    for (const m of commitMoves(sc, st, d)) {
      const cost = catalog(sc).move.get(m)?.cost ?? 9;
      if (promised.has(m) && cost <= ap) {
        moves.push(m);
        ap -= cost;
      }
    }
    const defected = new Set(defectionsIn(st).map((x) => x.move));
    const defect = stepsInForce(st)
      .filter((x) => x.delegation === d && x.verified && !defected.has(x.move) && catalog(sc).move.get(x.move)?.defectable)
      .map((x) => x.move);
    s.send({ type: 'commit.submit', actor: d, commit: { moves, defect } });
  }
}

/** A whole game: the AI in every seat but `cheater`. */
export function gameWithCheater(sc: Scenario, seed: number, cheater = 'gulf'): GameSession {
  const s = GameSession.start(sc, seed);
  for (let i = 0; i < 400 && !s.done; i++) {
    const before = `${s.state.round}:${s.state.step}:${s.log.length}`;
    playStep(sc, s, { humans: [cheater] });
    if (!s.done) cheat(sc, s, cheater);
    if (!s.done && `${s.state.round}:${s.state.step}:${s.log.length}` === before) s.send({ type: 'step.close', actor: 'system' });
  }
  if (!s.done) throw new Error('the game did not finish');
  return s;
}

/** The first seed from `from` whose game (with a cheater) satisfies `want`. */
export function findGame(sc: Scenario, want: (s: GameSession) => boolean, from = 1, tries = 200): { seed: number; session: GameSession } {
  for (let seed = from; seed < from + tries; seed++) {
    const session = gameWithCheater(sc, seed);
    if (want(session)) return { seed, session };
  }
  throw new Error(`no game in ${tries} seeds has what the test needs`);
}
