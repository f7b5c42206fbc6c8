// The end of the lesson: the tables compared (outcomes, tension curves, promises kept,
// attributions right) from the server; and the class's settings for statements, reflections and
// the rubric, and the deletion of its data.
import { useState } from 'preact/hooks';
import type { ClassSettings, ComparedTable, RubricCriterion } from '../../net/classProtocol';
import { button, h, valueOf, type VNode } from '../dom';

function curve(points: number[]): VNode {
  const w = 160;
  const hgt = 40;
  const n = Math.max(1, points.length - 1);
  const d = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${((i / n) * w).toFixed(1)},${(hgt - (p / 100) * hgt).toFixed(1)}`).join(' ');
  return h(
    'svg',
    { width: w, height: hgt, viewBox: `0 0 ${w} ${hgt}`, role: 'img', 'aria-label': `Tension by round: ${points.join(', ')}` },
    h('path', { d, fill: 'none', stroke: 'currentColor', 'stroke-width': 2 }),
  );
}

const pct = (v: number | null) => (v === null ? '—' : `${v}%`);

export function Comparison({ tables, refresh }: { tables: ComparedTable[] | null; refresh: () => void }): VNode {
  return h(
    'section',
    { class: 'card', 'aria-labelledby': 'compare-h' },
    h('h2', { id: 'compare-h' }, 'The tables compared'),
    button('Refresh the comparison', refresh),
    tables === null
      ? h('p', { class: 'muted' }, 'Loading…')
      : h(
          'table',
          { class: 'class-list' },
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              ...[
                'Table',
                'Outcome',
                'Rounds',
                'Tension (last / peak)',
                'Tension by round',
                'Spans secured',
                'Violations',
                'Promises kept',
                'Attributions right',
              ].map((t) => h('th', { scope: 'col' }, t)),
            ),
          ),
          h(
            'tbody',
            {},
            ...tables.map((t) =>
              h(
                'tr',
                { key: t.code },
                h('th', { scope: 'row' }, t.name),
                h('td', {}, t.outcome),
                h('td', {}, String(t.rounds)),
                h('td', {}, `${t.finalTension} / ${t.peakTension}`),
                h('td', { class: 'curve' }, curve(t.tension)),
                h('td', {}, String(t.secured)),
                h('td', {}, String(t.violations)),
                h('td', {}, pct(t.promisesKept)),
                h('td', {}, pct(t.attributionCorrect)),
              ),
            ),
          ),
        ),
  );
}

const rubricText = (r: RubricCriterion[]) =>
  r.map((c) => `${c.name}: ${c.levels.map((l) => `${l.label}=${l.points}`).join('; ')}`).join('\n');

/** "Name: Level=points; Level=points" a line; the criterion's id is kept when its name is. */
export function parseRubric(text: string, old: RubricCriterion[]): RubricCriterion[] | string {
  const out: RubricCriterion[] = [];
  for (const [i, line] of text.split('\n').entries()) {
    if (!line.trim()) continue;
    const [name, levels] = line.split(':');
    const ls = (levels ?? '').split(';').map((x) => x.split('='));
    if (!name?.trim() || ls.length < 2 || ls.some(([l, p]) => !l?.trim() || p === undefined || !Number.isFinite(Number(p))))
      return `line ${i + 1}: write “Criterion: Level=points; Level=points”`;
    const id =
      old.find((c) => c.name === name.trim())?.id ??
      (name
        .trim()
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .slice(0, 32) ||
        `c${i + 1}`);
    out.push({ id, name: name.trim(), levels: ls.map(([l, p]) => ({ label: l!.trim(), points: Number(p) })) });
  }
  return out.length ? out : 'a rubric needs at least one criterion';
}

export function SettingsForm({
  settings,
  save,
  remove,
}: {
  settings: ClassSettings;
  save: (s: ClassSettings) => void;
  remove: () => void;
}): VNode {
  const [rounds, setRounds] = useState(settings.statementRounds.join(', '));
  const [prompt, setPrompt] = useState(settings.statementPrompt);
  const [reflections, setReflections] = useState(settings.reflectionPrompts.join('\n'));
  const [rubric, setRubric] = useState(rubricText(settings.rubric));
  const [problem, setProblem] = useState<string | null>(null);
  const submit = () => {
    const r = parseRubric(rubric, settings.rubric);
    if (typeof r === 'string') return setProblem(`Rubric: ${r}`);
    const statementRounds = rounds
      .split(/[,\s]+/)
      .filter(Boolean)
      .map(Number);
    if (statementRounds.some((n) => !Number.isInteger(n) || n < 1)) return setProblem('Statement rounds: round numbers, e.g. “2, 4”');
    setProblem(null);
    save({
      ...settings,
      statementRounds,
      statementPrompt: prompt.trim(),
      reflectionPrompts: reflections
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean),
      rubric: r,
    });
  };
  const area = (id: string, label: string, value: string, on: (v: string) => void, rows: number) =>
    h('div', { class: 'field' }, h('label', { for: id }, label), h('textarea', { id, rows, value, oninput: (e: Event) => on(valueOf(e)) }));
  return h(
    'section',
    { class: 'card', 'aria-labelledby': 'settings-h' },
    h('h2', { id: 'settings-h' }, 'Statements, reflections and rubric'),
    problem ? h('p', { class: 'notice error', role: 'alert' }, problem) : null,
    h(
      'div',
      { class: 'field' },
      h('label', { for: 'set-rounds' }, 'Position statements in rounds'),
      h('input', { id: 'set-rounds', type: 'text', value: rounds, oninput: (e: Event) => setRounds(valueOf(e)) }),
    ),
    area('set-prompt', 'Statement prompt', prompt, setPrompt, 2),
    area('set-reflections', 'Reflection prompts (one a line)', reflections, setReflections, 6),
    area('set-rubric', 'Rubric (Criterion: Level=points; …, one a line)', rubric, setRubric, 5),
    button('Save settings', submit, { class: 'primary' }),
    h('h3', {}, 'Data'),
    h(
      'p',
      { class: 'muted small' },
      'Deletes the tables’ rooms and logs, the students’ links, statements, reflections, peer evaluations and grades. It cannot be undone.',
    ),
    button('Delete this class’s data', remove, { class: 'danger' }),
  );
}
