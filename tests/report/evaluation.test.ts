// The exercise evaluation guide and the improvement plan (rules §10, The exercise evaluation
// guide): the plan has a line for each objective rated below "performed", in the scenario's order,
// drafted from the rating, the notes, the rounds observed and the game, with the White Cell's edits
// over the draft; the after-action report's Markdown carries the guide and the plan.
import { describe, expect, it } from 'vitest';
import { playStep } from '../../src/ai/autoplay';
import { formatProblems, parseScenario, scenarioFor, type ScenarioInput } from '../../src/engine';
import { GameSession } from '../../src/machine/session';
import {
  draftImprovementPlan,
  emptyEntry,
  evaluationEntrySchema,
  RATING_LABEL,
  type EvaluationEntry,
  type EvaluationGuide,
} from '../../src/report/evaluation';
import { reportMarkdown } from '../../src/report/exports';
import { buildReport } from '../../src/report/report';
import { buildTimeline } from '../../src/report/timeline';
import { loadScenario, SCENARIO } from '../engine/fixtures';

const rated = (rating: EvaluationEntry['rating'], over: Partial<EvaluationEntry> = {}): EvaluationEntry => ({
  ...emptyEntry(),
  rating,
  ...over,
});

function playedReport(rounds: number) {
  const s = GameSession.start(SCENARIO, 3);
  for (let i = 0; i < 200 && !s.done && s.state.round <= rounds; i++) playStep(SCENARIO, s);
  return buildReport(buildTimeline(SCENARIO, 3, s.log));
}

/** The rows of the Markdown table under "## Improvement plan", as cells. */
function planRows(md: string): string[][] {
  const part = md.split('## Improvement plan')[1] ?? '';
  return part
    .split('\n')
    .filter((l) => l.startsWith('| ') && !l.startsWith('| objective'))
    .map((l) =>
      l
        .slice(2, -2)
        .split(/(?<!\\) \| /)
        .map((c) => c.replace(/\\\|/g, '|')),
    );
}

describe('the scenario’s exercise objectives', () => {
  it('the built-in scenario has objectives, and they are the White Cell’s only', () => {
    const ids = (SCENARIO.exerciseObjectives ?? []).map((o) => o.id);
    expect(ids.length).toBeGreaterThanOrEqual(3);
    const s = GameSession.start(SCENARIO, 1).state;
    expect(scenarioFor(SCENARIO, s, { kind: 'facilitator' }).exerciseObjectives).toHaveLength(ids.length);
    expect(scenarioFor(SCENARIO, s, { kind: 'delegation', id: 'iran' }).exerciseObjectives).toBeUndefined();
    expect(scenarioFor(SCENARIO, s, { kind: 'public' }).exerciseObjectives).toBeUndefined();
  });

  it('a scenario file with a bad objective list is refused with its path', () => {
    const bad = (edit: (raw: ScenarioInput) => void) => {
      const raw = structuredClone(loadScenario()) as unknown as ScenarioInput;
      edit(raw);
      const r = parseScenario(raw);
      return r.ok ? '' : formatProblems(r.problems);
    };
    expect(bad((raw) => (raw.exerciseObjectives = []))).toMatch(/exerciseObjectives/);
    expect(bad((raw) => raw.exerciseObjectives?.push({ ...raw.exerciseObjectives[0]! }))).toMatch(/exerciseObjectives/);
    expect(bad((raw) => (raw.exerciseObjectives![0]!.title = ''))).toMatch(/exerciseObjectives\.0\.title|exerciseObjectives\[0\]\.title/);
    // Optional: a scenario without the list still loads.
    expect(loadScenario((raw) => delete raw.exerciseObjectives).exerciseObjectives).toBeUndefined();
  });
});

describe('the improvement plan', () => {
  const [a, b, c, d] = SCENARIO.exerciseObjectives!;
  const report = playedReport(2);

  it('has a line for each objective rated below "performed", in the scenario’s order, and none for performed or unrated ones', () => {
    const guide: EvaluationGuide = {
      [d!.id]: rated('unable'),
      [a!.id]: rated('performed'),
      [c!.id]: rated('some-challenges'),
      [b!.id]: rated(null, { notes: 'not yet rated' }),
    };
    const plan = draftImprovementPlan(SCENARIO, guide, report);
    expect(plan.map((p) => [p.objective, p.rating])).toEqual([
      [c!.id, 'some-challenges'],
      [d!.id, 'unable'],
    ]);
  });

  it('drafts the issue from the rating, the first line of the notes, the rounds observed and the game', () => {
    const guide: EvaluationGuide = {
      [a!.id]: rated('major-challenges', {
        notes: 'Iran conceded alone twice.\nSecond line stays out.',
        observations: [
          { round: 2, text: 'x' },
          { round: null, text: 'y' },
          { round: 1, text: 'z' },
        ],
      }),
    };
    const [item] = draftImprovementPlan(SCENARIO, guide, report);
    expect(item?.issue).toContain(a!.title);
    expect(item?.issue).toContain(RATING_LABEL['major-challenges'].toLowerCase());
    expect(item?.issue).toContain('Iran conceded alone twice.');
    expect(item?.issue).not.toContain('Second line');
    expect(item?.issue).toContain('rounds 1, 2');
    expect(item?.issue).toContain(`after ${report.rounds} round`);
    expect(item?.action.length).toBeGreaterThan(20);
    expect(item?.owner).toBe('');
    expect(item?.due).toBe('');
  });

  it('the White Cell’s edits replace the draft; an empty field keeps it', () => {
    const draft = draftImprovementPlan(SCENARIO, { [a!.id]: rated('unable') }, report)[0]!;
    const edited = draftImprovementPlan(
      SCENARIO,
      { [a!.id]: rated('unable', { plan: { issue: '', action: 'Train the allocator', owner: 'Dr Chen', due: '2027-02-01' } }) },
      report,
    )[0]!;
    expect(edited).toMatchObject({ issue: draft.issue, action: 'Train the allocator', owner: 'Dr Chen', due: '2027-02-01' });
    expect(edited.action).not.toBe(draft.action);
  });

  it('an entry out of bounds is refused by the schema, with the field named', () => {
    const r = evaluationEntrySchema.safeParse({ ...emptyEntry(), plan: { issue: '', action: '', owner: 'x'.repeat(81), due: '' } });
    expect(r.success).toBe(false);
    expect(r.success ? [] : r.error.issues[0]?.path).toEqual(['plan', 'owner']);
  });
});

describe('the report’s Markdown with the guide and the plan', () => {
  const report = playedReport(2);
  const [a, b, c] = SCENARIO.exerciseObjectives!;

  it('is the report, then the guide with ratings, observations and notes, then the plan as a table', () => {
    const guide: EvaluationGuide = {
      [a!.id]: rated('performed', { observations: [{ round: 1, text: 'Paired the steps', fromLog: true }] }),
      [b!.id]: rated('major-challenges', {
        notes: 'Observers | never sent',
        plan: { issue: '', action: 'Drill the allocation', owner: 'Ops | cell', due: '2027-03-01' },
      }),
    };
    const md = reportMarkdown(report, guide);
    expect(md.startsWith(reportMarkdown(report))).toBe(true);
    expect(md).toContain('## Exercise evaluation guide');
    expect(md).toContain(`### ${a!.title}`);
    expect(md).toContain(`**Rating:** ${RATING_LABEL.performed}`);
    expect(md).toContain('- Round 1: Paired the steps _(from the log)_');
    expect(md).toContain(`### ${c!.title}`);
    expect(md).toMatch(new RegExp(`### ${c!.title}[\\s\\S]*?\\*\\*Rating:\\*\\* not rated`));
    const rows = planRows(md);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toEqual([
      b!.title,
      RATING_LABEL['major-challenges'],
      expect.stringContaining('Observers | never sent'),
      'Drill the allocation',
      'Ops | cell',
      '2027-03-01',
    ]);
  });

  it('says so when no objective is below "performed", and the plain export is unchanged', () => {
    const md = reportMarkdown(report, {});
    expect(md).toContain('No objective was rated below');
    expect(planRows(md)).toEqual([]);
    expect(reportMarkdown(report)).not.toContain('Improvement plan');
  });
});
