// The console's evaluation tab: the exercise evaluation guide the White Cell fills in during play
// (per objective: observed actions attached from the log or typed, notes, a rating) and the
// improvement plan drafted from it, downloaded with the after-action report or printed to PDF.
// The guide lives on the server with the room; unsaved edits stay here until saved.
import { useEffect, useState } from 'preact/hooks';
import type { GameView, Scenario } from '../engine';
import type { AiNote } from '../net/transport';
import {
  draftImprovementPlan,
  emptyEntry,
  EVALUATION_LIMITS as L,
  evaluationEntrySchema,
  exerciseObjectives,
  RATING_LABEL,
  RATINGS,
  type EvaluationEntry,
  type EvaluationGuide,
  type Observation,
  type PlanEdit,
} from '../report/evaluation';
import { button, h, valueOf, type VNode } from './dom';
import { logLines } from './roundLog';
import './evaluation.css';

type Result = { ok: true; evaluation: EvaluationGuide } | { ok: false; reason: string };

export interface EvaluationActions {
  /** The room's code: unsaved edits are kept per room while the console switches tabs. */
  room: string;
  load(): Promise<Result>;
  save(objective: string, entry: EvaluationEntry): Promise<Result>;
  /** Downloads the after-action report as it stands with the guide and the improvement plan (Markdown). */
  downloadMarkdown(guide: EvaluationGuide): void;
}

/** Edits not yet saved, per room and objective: they outlive the tab (the panel is rebuilt on each tab switch). */
const unsaved = new Map<string, Map<string, EvaluationEntry>>();
const draftsOf = (room: string) => {
  let m = unsaved.get(room);
  if (!m) unsaved.set(room, (m = new Map()));
  return m;
};

export function EvaluationPanel({
  sc,
  view,
  notes,
  act,
  pushed = null,
}: {
  sc: Scenario;
  view: GameView;
  notes: readonly AiNote[];
  act: EvaluationActions;
  /** The guide as the server last pushed it (another console saved): it replaces the saved entries shown, never unsaved edits. */
  pushed?: EvaluationGuide | null;
}): VNode {
  const objectives = exerciseObjectives(sc);
  const [guide, setGuide] = useState<EvaluationGuide | null>(null);
  const [status, setStatus] = useState<{ kind: 'info' | 'error'; text: string } | null>(null);
  const [chosen, setChosen] = useState(objectives[0]?.id ?? '');
  const [, redraw] = useState(0);
  const [typed, setTyped] = useState({ text: '', round: String(view.round) });
  const [logRound, setLogRound] = useState(String(view.round));
  const [logLine, setLogLine] = useState('');
  useEffect(() => {
    let live = true;
    void act.load().then((r) => {
      if (!live) return;
      if (r.ok) setGuide(r.evaluation);
      else setStatus({ kind: 'error', text: `The evaluation guide could not be loaded: ${r.reason}` });
    });
    return () => {
      live = false;
    };
  }, [act.room]);
  useEffect(() => {
    if (pushed) setGuide(pushed);
  }, [pushed]);

  if (objectives.length === 0)
    return h(
      'section',
      { class: 'section', 'aria-labelledby': 'eval-h' },
      h('h3', { id: 'eval-h' }, 'Exercise evaluation'),
      h('p', { class: 'small muted' }, 'This scenario lists no exercise objectives (exerciseObjectives in the scenario file).'),
    );
  if (!guide) return h('p', { class: 'small muted', role: 'status' }, status?.text ?? 'Loading the evaluation guide…');

  const drafts = draftsOf(act.room);
  const objective = objectives.find((o) => o.id === chosen) ?? objectives[0];
  if (!objective) return h('p', {}, '');
  const saved = guide[objective.id] ?? emptyEntry();
  const entry = drafts.get(objective.id) ?? saved;
  const dirty = drafts.has(objective.id);
  const edit = (change: (e: EvaluationEntry) => EvaluationEntry) => {
    drafts.set(objective.id, change(entry));
    setStatus(null);
    redraw((n) => n + 1);
  };
  const editPlan = (k: keyof PlanEdit, v: string) => edit((e) => ({ ...e, plan: { ...e.plan, [k]: v } }));
  const addObservation = (o: Observation) => {
    if (entry.observations.length >= L.observations)
      return setStatus({ kind: 'error', text: `At most ${L.observations} observations per objective: remove one first.` });
    edit((e) => ({ ...e, observations: [...e.observations, o] }));
  };
  const save = async () => {
    const checked = evaluationEntrySchema.safeParse(entry);
    if (!checked.success) {
      const p = checked.error.issues[0];
      return setStatus({ kind: 'error', text: `Not saved: ${p?.path.join(' ') ?? ''} ${p?.message ?? ''}. Your edits are kept.` });
    }
    const r = await act.save(objective.id, checked.data);
    if (!r.ok) return setStatus({ kind: 'error', text: `Not saved: ${r.reason}. Your edits are kept.` });
    drafts.delete(objective.id);
    setGuide(r.evaluation);
    setStatus({ kind: 'info', text: `Saved “${objective.title}”.` });
  };

  const lines = logLines(sc, view, notes);
  const roundLines = lines.filter((l) => String(l.round) === logRound);
  const rounds = [...new Set(lines.map((l) => l.round))];
  const plan = draftImprovementPlan(sc, guide, null);
  const below = entry.rating !== null && entry.rating !== 'performed';
  const rated = objectives.filter((o) => guide[o.id]?.rating).length;

  return h(
    'div',
    { class: 'evaluation' },
    h(
      'section',
      { class: 'section', 'aria-labelledby': 'eval-h' },
      h('h3', { id: 'eval-h' }, 'Exercise evaluation guide'),
      h(
        'p',
        { class: 'small muted' },
        `The White Cell’s eyes only: no team or projector sees it. ${rated} of ${objectives.length} objectives rated.`,
      ),
      h(
        'div',
        { class: 'field' },
        h('label', { for: 'eval-objective' }, 'Objective'),
        h(
          'select',
          { id: 'eval-objective', value: objective.id, onchange: (e: Event) => setChosen(valueOf(e)) },
          ...objectives.map((o) =>
            h(
              'option',
              { value: o.id, key: o.id },
              `${o.title}${draftsOf(act.room).has(o.id) ? ' (unsaved)' : guide[o.id]?.rating ? ' ✓' : ''}`,
            ),
          ),
        ),
      ),
      h('p', { class: 'small' }, objective.text),
      h(
        'fieldset',
        { class: 'eval-rating' },
        h('legend', {}, 'Rating'),
        ...RATINGS.map((r) =>
          h(
            'label',
            { key: r },
            h('input', {
              type: 'radio',
              name: 'eval-rating',
              value: r,
              checked: entry.rating === r,
              onchange: () => edit((e) => ({ ...e, rating: r })),
            }),
            ` ${RATING_LABEL[r]}`,
          ),
        ),
      ),
      h('h4', {}, 'Observed actions'),
      entry.observations.length === 0
        ? h('p', { class: 'small muted' }, 'None yet: attach a line of the log or type what you saw.')
        : h(
            'ul',
            { class: 'plain small', 'aria-label': 'Observed actions' },
            ...entry.observations.map((o, i) =>
              h(
                'li',
                { key: `${i}:${o.text}`, class: 'row' },
                h('span', {}, `${o.round === null ? '' : `Round ${o.round}: `}${o.text}${o.fromLog ? ' (log)' : ''}`),
                button('Remove', () => edit((e) => ({ ...e, observations: e.observations.filter((_, j) => j !== i) })), {
                  'aria-label': `Remove observation ${i + 1}`,
                }),
              ),
            ),
          ),
      h(
        'div',
        { class: 'eval-attach' },
        h(
          'div',
          { class: 'field' },
          h('label', { for: 'eval-log-round' }, 'Log round'),
          h(
            'select',
            { id: 'eval-log-round', value: logRound, onchange: (e: Event) => (setLogRound(valueOf(e)), setLogLine('')) },
            ...(rounds.length ? rounds : [view.round]).map((r) => h('option', { value: String(r), key: r }, `Round ${r}`)),
          ),
        ),
        h(
          'div',
          { class: 'field grow' },
          h('label', { for: 'eval-log-line' }, 'Line of the log'),
          h(
            'select',
            { id: 'eval-log-line', value: logLine, onchange: (e: Event) => setLogLine(valueOf(e)) },
            h('option', { value: '' }, roundLines.length ? 'Choose a line…' : 'No lines in this round'),
            ...roundLines.map((l) => h('option', { value: l.key, key: l.key }, l.text.slice(0, 140))),
          ),
        ),
        button(
          'Attach',
          () => {
            const l = lines.find((x) => x.key === logLine);
            if (!l) return setStatus({ kind: 'error', text: 'Choose a line of the log to attach.' });
            addObservation({ round: l.round, text: l.text.slice(0, L.observation), fromLog: true });
            setLogLine('');
          },
          { 'aria-label': 'Attach the log line' },
        ),
      ),
      h(
        'div',
        { class: 'eval-attach' },
        h(
          'div',
          { class: 'field' },
          h('label', { for: 'eval-obs-round' }, 'Round'),
          h('input', {
            id: 'eval-obs-round',
            type: 'number',
            min: 0,
            max: 99,
            value: typed.round,
            oninput: (e: Event) => setTyped({ ...typed, round: valueOf(e) }),
          }),
        ),
        h(
          'div',
          { class: 'field grow' },
          h('label', { for: 'eval-obs' }, 'Observation'),
          h('input', {
            id: 'eval-obs',
            type: 'text',
            maxlength: L.observation,
            value: typed.text,
            placeholder: 'e.g. Iran held its step until the IAEA team was assigned',
            oninput: (e: Event) => setTyped({ ...typed, text: valueOf(e) }),
          }),
        ),
        button(
          'Add',
          () => {
            const text = typed.text.trim();
            if (!text) return setStatus({ kind: 'error', text: 'Type the observation first.' });
            const n = Number(typed.round);
            addObservation({ round: typed.round.trim() !== '' && Number.isInteger(n) && n >= 0 && n <= 99 ? n : null, text });
            setTyped({ ...typed, text: '' });
          },
          { 'aria-label': 'Add the observation' },
        ),
      ),
      h(
        'div',
        { class: 'field' },
        h('label', { for: 'eval-notes' }, 'Notes'),
        h('textarea', {
          id: 'eval-notes',
          rows: 3,
          maxlength: L.notes,
          value: entry.notes,
          oninput: (e: Event) => edit((x) => ({ ...x, notes: valueOf(e) })),
        }),
      ),
      below
        ? h(
            'fieldset',
            { class: 'eval-plan' },
            h('legend', {}, 'Improvement plan line (empty fields keep the draft)'),
            planField('eval-issue', 'Issue', entry.plan.issue, L.issue, plan.find((p) => p.objective === objective.id)?.issue, (v) =>
              editPlan('issue', v),
            ),
            planField(
              'eval-action',
              'Corrective action',
              entry.plan.action,
              L.action,
              plan.find((p) => p.objective === objective.id)?.action,
              (v) => editPlan('action', v),
            ),
            h(
              'div',
              { class: 'row' },
              h(
                'div',
                { class: 'field grow' },
                h('label', { for: 'eval-owner' }, 'Owner'),
                h('input', {
                  id: 'eval-owner',
                  type: 'text',
                  maxlength: L.owner,
                  value: entry.plan.owner,
                  oninput: (e: Event) => editPlan('owner', valueOf(e)),
                }),
              ),
              h(
                'div',
                { class: 'field' },
                h('label', { for: 'eval-due' }, 'Due'),
                h('input', { id: 'eval-due', type: 'date', value: entry.plan.due, oninput: (e: Event) => editPlan('due', valueOf(e)) }),
              ),
            ),
          )
        : null,
      h(
        'div',
        { class: 'row' },
        button(dirty ? 'Save this objective' : guide[objective.id] ? 'Saved' : 'Nothing to save yet', () => void save(), {
          class: dirty ? 'primary' : '',
          disabled: !dirty,
        }),
        dirty ? button('Discard edits', () => (drafts.delete(objective.id), setStatus(null), redraw((n) => n + 1))) : null,
      ),
      status
        ? h(
            'p',
            { class: `small ${status.kind === 'error' ? 'error' : 'muted'}`, role: status.kind === 'error' ? 'alert' : 'status' },
            status.text,
          )
        : null,
    ),
    h(
      'section',
      { class: 'section', 'aria-labelledby': 'plan-h' },
      h('h3', { id: 'plan-h' }, 'Improvement plan (draft)'),
      plan.length === 0
        ? h('p', { class: 'small muted' }, 'No saved objective is rated below “performed”.')
        : h(
            'ol',
            { class: 'small' },
            ...plan.map((p) =>
              h(
                'li',
                { key: p.objective },
                h('strong', {}, p.title),
                ` — ${RATING_LABEL[p.rating]}. ${p.action} Owner: ${p.owner || 'to assign'}; due ${p.due || 'to set'}.`,
              ),
            ),
          ),
      h(
        'div',
        { class: 'row' },
        button('Report and plan (Markdown)', () => act.downloadMarkdown(guide), {
          'aria-label': 'Download the report with the evaluation and improvement plan as Markdown',
        }),
        button('Print the plan (PDF)', printPlan, { 'aria-label': 'Print the evaluation and improvement plan, or save it as PDF' }),
      ),
    ),
    printSheet(sc, guide, plan),
  );
}

function planField(id: string, label: string, value: string, max: number, draft: string | undefined, set: (v: string) => void): VNode {
  return h(
    'div',
    { class: 'field' },
    h('label', { for: id }, label),
    h('textarea', { id, rows: 3, maxlength: max, value, placeholder: draft ?? '', oninput: (e: Event) => set(valueOf(e)) }),
  );
}

/** The browser prints only the plan's sheet (evaluation.css); "Save as PDF" in its dialog makes the PDF. */
function printPlan() {
  const root = document.documentElement;
  root.classList.add('print-plan');
  window.addEventListener('afterprint', () => root.classList.remove('print-plan'), { once: true });
  window.print();
}

/** What is printed: the guide, then the plan, on white paper (hidden on screen). */
function printSheet(sc: Scenario, guide: EvaluationGuide, plan: ReturnType<typeof draftImprovementPlan>): VNode {
  return h(
    'div',
    { id: 'plan-print', 'aria-hidden': 'true' },
    h('h1', {}, `Exercise evaluation and improvement plan: ${sc.title}`),
    ...exerciseObjectives(sc).map((o) => {
      const e = guide[o.id] ?? emptyEntry();
      return h(
        'section',
        { key: o.id },
        h('h2', {}, o.title),
        h('p', {}, h('strong', {}, 'Rating: '), e.rating ? RATING_LABEL[e.rating] : 'not rated'),
        e.observations.length
          ? h('ul', {}, ...e.observations.map((x, i) => h('li', { key: i }, `${x.round === null ? '' : `Round ${x.round}: `}${x.text}`)))
          : null,
        e.notes.trim() ? h('p', {}, e.notes) : null,
      );
    }),
    h('h2', {}, 'Improvement plan'),
    plan.length === 0
      ? h('p', {}, 'No objective was rated below “performed”.')
      : h(
          'table',
          {},
          h(
            'thead',
            {},
            h('tr', {}, ...['Objective', 'Rating', 'Issue', 'Corrective action', 'Owner', 'Due'].map((t) => h('th', { key: t }, t))),
          ),
          h(
            'tbody',
            {},
            ...plan.map((p) =>
              h(
                'tr',
                { key: p.objective },
                h('td', {}, p.title),
                h('td', {}, RATING_LABEL[p.rating]),
                h('td', {}, p.issue),
                h('td', {}, p.action),
                h('td', {}, p.owner || '—'),
                h('td', {}, p.due || '—'),
              ),
            ),
          ),
        ),
  );
}
