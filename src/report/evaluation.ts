// The exercise evaluation guide the White Cell fills in during play (per objective: observed
// actions, notes, a rating) and the improvement plan drafted from it and the after-action report.
// The schemas are the boundary: the server checks every saved entry with them, and a log read
// back from the database passes them again.
import { z } from 'zod/mini';
import type { ExerciseObjective, Scenario } from '../engine';
import type { Report } from './report';

export const RATINGS = ['performed', 'some-challenges', 'major-challenges', 'unable'] as const;
export type Rating = (typeof RATINGS)[number];

export const RATING_LABEL: Record<Rating, string> = {
  performed: 'Performed without challenges',
  'some-challenges': 'Performed with some challenges',
  'major-challenges': 'Performed with major challenges',
  unable: 'Unable to be performed',
};

/** The sizes of one objective's entry: together they stay well inside one client message. */
export const EVALUATION_LIMITS = { observations: 20, observation: 300, notes: 2000, issue: 500, action: 500, owner: 80 } as const;
const L = EVALUATION_LIMITS;

const text = (max: number) => z.string().check(z.maxLength(max));
const round = z.int().check(z.minimum(0), z.maximum(99));

export const observationSchema = z.strictObject({
  /** The round it was seen in, or null for one typed without a round. */
  round: z.nullable(round),
  text: z.string().check(z.trim(), z.minLength(1, 'an observation must not be empty'), z.maxLength(L.observation)),
  /** Attached from the game's log rather than typed. */
  fromLog: z.optional(z.boolean()),
});
export type Observation = z.infer<typeof observationSchema>;

/** The facilitator's edits of an objective's line in the improvement plan; an empty field keeps the draft's. */
export const planEditSchema = z.strictObject({
  issue: text(L.issue),
  action: text(L.action),
  owner: text(L.owner),
  /** A date, YYYY-MM-DD, or empty. */
  due: z.string().check(z.regex(/^(\d{4}-\d{2}-\d{2})?$/, 'a date is written YYYY-MM-DD')),
});
export type PlanEdit = z.infer<typeof planEditSchema>;

export const evaluationEntrySchema = z.strictObject({
  rating: z.nullable(z.enum(RATINGS)),
  observations: z.array(observationSchema).check(z.maxLength(L.observations, `at most ${L.observations} observations per objective`)),
  notes: text(L.notes),
  plan: planEditSchema,
});
export type EvaluationEntry = z.infer<typeof evaluationEntrySchema>;

/** The guide: an entry per objective id (objectives not yet evaluated have none). */
export type EvaluationGuide = Readonly<Record<string, EvaluationEntry>>;

export const emptyEntry = (): EvaluationEntry => ({
  rating: null,
  observations: [],
  notes: '',
  plan: { issue: '', action: '', owner: '', due: '' },
});

/** The objectives the guide evaluates: the scenario's, or none when it lists none. */
export const exerciseObjectives = (sc: Scenario): readonly ExerciseObjective[] => sc.exerciseObjectives ?? [];

export interface PlanItem {
  objective: string;
  title: string;
  rating: Rating;
  issue: string;
  action: string;
  owner: string;
  due: string;
}

const DEFAULT_ACTION: Record<Exclude<Rating, 'performed'>, string> = {
  'some-challenges': 'Review the observed gaps at the hot wash and rehearse this objective in a shorter drill before the next exercise.',
  'major-challenges': 'Revise the procedure behind this objective, brief the teams on it, and re-test it in a dedicated exercise round.',
  unable: 'Identify what prevented it (training, authority, information), assign a lead to fix that, and re-test it before relying on it.',
};

/** The draft's issue for an objective: its rating, the evaluator's first note, and what the report says of the game. */
function draftIssue(o: ExerciseObjective, e: EvaluationEntry, rating: Rating, report: Report | null): string {
  const parts = [`"${o.title}" was rated ${RATING_LABEL[rating].toLowerCase()}.`];
  const note = e.notes.trim().split(/\n/)[0]?.trim();
  if (note) parts.push(note);
  const rounds = [...new Set(e.observations.map((x) => x.round).filter((r): r is number => r !== null))].sort((a, b) => a - b);
  if (rounds.length) parts.push(`Observed in round${rounds.length === 1 ? '' : 's'} ${rounds.join(', ')}.`);
  if (report) {
    const outcome = report.over ? `${report.outcome ?? 'over'}` : 'not over';
    parts.push(`Game: ${outcome} after ${report.rounds} round${report.rounds === 1 ? '' : 's'}.`);
  }
  return parts.join(' ');
}

/**
 * The improvement plan: a line for every objective rated below "performed", in the scenario's
 * order, with the facilitator's edits over the draft (an empty edit keeps the draft).
 */
export function draftImprovementPlan(sc: Scenario, guide: EvaluationGuide, report: Report | null): PlanItem[] {
  const items: PlanItem[] = [];
  for (const o of exerciseObjectives(sc)) {
    const e = guide[o.id];
    if (!e?.rating || e.rating === 'performed') continue;
    const rating = e.rating;
    items.push({
      objective: o.id,
      title: o.title,
      rating,
      issue: e.plan.issue.trim() || draftIssue(o, e, rating, report),
      action: e.plan.action.trim() || DEFAULT_ACTION[rating],
      owner: e.plan.owner.trim(),
      due: e.plan.due,
    });
  }
  return items;
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');

/** The guide and the plan in Markdown: appended to the after-action report's export. */
export function evaluationMarkdown(sc: Scenario, guide: EvaluationGuide, report: Report | null): string {
  const out: string[] = ['## Exercise evaluation guide', ''];
  const objectives = exerciseObjectives(sc);
  if (objectives.length === 0) out.push('_The scenario lists no exercise objectives._', '');
  for (const o of objectives) {
    const e = guide[o.id] ?? emptyEntry();
    out.push(`### ${o.title}`, '', o.text, '', `**Rating:** ${e.rating ? RATING_LABEL[e.rating] : 'not rated'}`, '');
    if (e.observations.length) {
      out.push('**Observed actions:**', '');
      for (const x of e.observations)
        out.push(
          `- ${x.round === null ? '' : `Round ${x.round}: `}${x.text.replace(/\s*\n\s*/g, ' ')}${x.fromLog ? ' _(from the log)_' : ''}`,
        );
      out.push('');
    }
    if (e.notes.trim()) out.push('**Notes:**', '', e.notes.trim(), '');
  }
  out.push('## Improvement plan', '');
  const plan = draftImprovementPlan(sc, guide, report);
  if (plan.length === 0) out.push('_No objective was rated below "performed"._', '');
  else {
    out.push('| objective | rating | issue | corrective action | owner | due |', '|---|---|---|---|---|---|');
    for (const p of plan)
      out.push(
        `| ${cell(p.title)} | ${RATING_LABEL[p.rating]} | ${cell(p.issue)} | ${cell(p.action)} | ${cell(p.owner) || '—'} | ${p.due || '—'} |`,
      );
    out.push('');
  }
  return out.join('\n');
}
