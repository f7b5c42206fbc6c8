// The AI's doctrine in binding disputes (docs/rules.md §6.6): it contests a finding it has reason
// to think wrong, answers for findings as the respondent, and complies with an upheld ruling
// unless it is a hawk; its words name the finding, never a secret objective.
import { describe, expect, it } from 'vitest';
import { disputeBusiness, doubtOf } from '../../src/ai/dispute';
import { profileOf, type Personality } from '../../src/ai/persona';
import { applyIntent, catalog, decisionView, type GameState, type Incident, type Intent, type Sponsor } from '../../src/engine';
import { gameAt, loadScenario, monitorsAt, quiet, stand } from '../engine/fixtures';

const SC = loadScenario(quiet, monitorsAt(0));
const profile = (me: string, personality: Personality = 'pragmatist') => profileOf(SC, me, { personality, difficulty: 'standard' });

function table(): GameState {
  const s = gameAt(SC, 'A', 3);
  s.step = 'negotiation';
  s.council = { ...s.council, founded: true, round: 1, members: ['usa', 'eu', 'gulf', 'israel'] };
  return s;
}

function incident(s: GameState, network: string, front: string, named: Sponsor): Incident {
  const inc: Incident = {
    id: s.nextIncidentId++,
    round: 2,
    front,
    network,
    kind: 'rocket',
    severity: 1,
    sponsor: 'iran',
    attribution: { named, confidence: 70, round: 2, override: false },
    cancelled: false,
    revealed: false,
  };
  s.incidents.push(inc);
  return inc;
}

const decide = (s: GameState, me: string, personality: Personality = 'pragmatist') =>
  disputeBusiness(SC, decisionView(s, me), me, profile(me, personality));
const types = (s: GameState, me: string, personality?: Personality) => decide(s, me, personality).map((d) => d.intent.type);

describe('AI dispute doctrine', () => {
  it('a delegation named for an attack by a network it has no hold on files at once, whatever its personality', () => {
    for (const p of ['hawk', 'pragmatist', 'dove'] as const) {
      const s = table();
      incident(s, 'hezbollah', 'lebanon', 'israel');
      expect(types(s, 'israel', p)).toEqual(['dispute.file']);
    }
  });

  it('the patron weighs the odds that its network acted alone, given the inquiry’s confidence: more doubt with more autonomy and less confidence', () => {
    const s = table();
    const houthis = incident(s, 'houthis', 'red-sea', 'iran');
    const hezbollah = incident(s, 'hezbollah', 'lebanon', 'iran');
    const doubt = (id: number) => doubtOf(SC, decisionView(s, 'iran'), 'iran', { kind: 'attribution', incident: id });
    expect(doubt(houthis.id)).toBeGreaterThan(doubt(hezbollah.id));
    const sure = doubt(houthis.id);
    const weak = table();
    const w = incident(weak, 'houthis', 'red-sea', 'iran');
    if (w.attribution) w.attribution.confidence = 60;
    const doubtWeak = doubtOf(SC, decisionView(weak, 'iran'), 'iran', { kind: 'attribution', incident: w.id });
    expect(doubtWeak).toBeGreaterThan(sure);
    expect(doubtWeak).toBeLessThan(100);
  });

  it('against a 70% inquiry a pragmatist or a dove does not contest its own network’s attack; a hawk does', () => {
    const s = table();
    incident(s, 'houthis', 'red-sea', 'iran');
    expect(types(s, 'iran')).toEqual([]);
    expect(types(s, 'iran', 'dove')).toEqual([]);
    expect(types(s, 'iran', 'hawk')).toEqual(['dispute.file']);
  });

  it('contests a White Cell ruling on a step it was carrying out, never a monitor’s finding of one it abandoned (but a hawk)', () => {
    for (const abandoned of [false, true]) {
      const s = gameAt(SC, 'A', 3);
      stand(SC, s, 'iran-pull-back-launchers', { round: 2, verified: true, defected: abandoned });
      s.step = 'negotiation';
      const ruled = applyIntent(SC, s, {
        type: 'facilitator.override',
        actor: 'facilitator',
        override: { kind: 'verification', move: 'iran-pull-back-launchers', result: 'violation' },
      });
      expect(types(ruled, 'iran')).toEqual(abandoned ? [] : ['dispute.file']);
      expect(types(ruled, 'iran', 'hawk')).toEqual(['dispute.file']);
    }
  });

  it('the respondent concedes a weak finding that names a delegation with no hold on the network, and leaves the others to the panel', () => {
    const s = table();
    const a = incident(s, 'hezbollah', 'lebanon', 'israel');
    const b = incident(s, 'houthis', 'red-sea', 'iran');
    const c = incident(s, 'hezbollah', 'syria', 'usa');
    const strong = s.incidents.find((i) => i.id === c.id);
    if (strong?.attribution) strong.attribution.confidence = 85;
    let t = applyIntent(SC, s, { type: 'dispute.file', actor: 'israel', finding: { kind: 'attribution', incident: a.id } });
    t = applyIntent(SC, t, { type: 'dispute.file', actor: 'iran', finding: { kind: 'attribution', incident: b.id } });
    t = applyIntent(SC, t, { type: 'dispute.file', actor: 'usa', finding: { kind: 'attribution', incident: c.id } });
    const answers = decide(t, 'eu').map((d) => d.intent);
    expect(answers).toEqual([
      { type: 'dispute.answer', actor: 'eu', dispute: 1, concede: true },
      { type: 'dispute.answer', actor: 'eu', dispute: 2, concede: false },
      { type: 'dispute.answer', actor: 'eu', dispute: 3, concede: false },
    ]);
  });

  it('complies with an upheld ruling, unless a hawk', () => {
    const s = table();
    s.disputes = [
      {
        id: 1,
        filer: 'iran',
        finding: { kind: 'attribution', incident: 1 },
        statement: '',
        filedRound: 2,
        panel: 'council',
        respondent: 'eu',
        stage: 'upheld',
        answer: null,
        rulingRound: 2,
        complyBy: 3,
      },
    ];
    expect(decide(s, 'iran').map((d) => d.intent)).toEqual<Intent[]>([{ type: 'dispute.comply', actor: 'iran', dispute: 1 }]);
    expect(types(s, 'iran', 'hawk')).toEqual([]);
  });

  it('its words never carry a secret objective', () => {
    const s = table();
    incident(s, 'houthis', 'red-sea', 'iran');
    incident(s, 'hezbollah', 'lebanon', 'israel');
    const words = [...decide(s, 'iran', 'hawk'), ...decide(s, 'israel')].flatMap((d) => [
      d.reason,
      d.intent.type === 'dispute.file' ? (d.intent.statement ?? '') : '',
    ]);
    const objectives = catalog(SC).delegationIds.flatMap((d) =>
      (catalog(SC).delegation.get(d)?.secretObjectives ?? []).flatMap((o) => [o.text, o.id]),
    );
    for (const w of words) for (const o of objectives) expect(w).not.toContain(o);
  });
});
