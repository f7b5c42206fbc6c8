// The teacher's set-up page: a roster pasted, a lesson preset and the AI for empty seats chosen,
// and the class made in one press (tables, seats, personal links).
import { useState } from 'preact/hooks';
import { DIFFICULTIES, PERSONALITIES, type Difficulty, type Personality } from '../../ai/persona';
import type { PresetId } from '../../net/classProtocol';
import { button, h, valueOf, type VNode } from '../dom';
import defaults from '../../../assets/classroom/defaults.json';

export interface SetupInput {
  title: string;
  roster: string;
  preset: PresetId;
  tables: number | null;
  personality: Personality;
  difficulty: Difficulty;
  serverKey: string;
}

const PRESET_LABELS: Array<[PresetId, string]> = [
  ['lesson45', defaults.presets.lesson45.label],
  ['lesson90', defaults.presets.lesson90.label],
  ['days', defaults.presets.days.label],
  ['drill', 'Drill: a quick run-through with short clocks'],
];

const countNames = (roster: string) => roster.split(/\r?\n/).filter((l) => l.trim()).length;
/** Lines that give a role beyond the delegations ("Name: observer", "Name: press"): they take no seat. */
const countRoles = (roster: string) =>
  roster.split(/\r?\n/).filter((l) => /[:;\t]\s*(observer|evaluator|press|journalist)\s*$/i.test(l.trim())).length;

export function ClassSetup({
  delegations,
  busy,
  error,
  create,
  back,
}: {
  delegations: number;
  busy: boolean;
  error: string | null;
  create: (input: SetupInput) => void;
  back: () => void;
}): VNode {
  const [f, setF] = useState<SetupInput>({
    title: 'My class',
    roster: '',
    preset: 'lesson45',
    tables: null,
    personality: 'pragmatist',
    difficulty: 'standard',
    serverKey: '',
  });
  const set = <K extends keyof SetupInput>(k: K, v: SetupInput[K]) => setF((old) => ({ ...old, [k]: v }));
  const n = countNames(f.roster);
  const roles = countRoles(f.roster);
  const tables = f.tables ?? Math.max(1, Math.ceil((n - roles) / delegations));
  const select = (id: string, label: string, value: string, options: Array<[string, string]>, on: (v: string) => void) =>
    h(
      'div',
      { class: 'field' },
      h('label', { for: id }, label),
      h('select', { id, value, onchange: (e: Event) => on(valueOf(e)) }, ...options.map(([v, t]) => h('option', { value: v }, t))),
    );
  return h(
    'main',
    { class: 'start class-page' },
    h(
      'div',
      { class: 'start-inner' },
      h('h1', {}, 'Set up a class'),
      h(
        'p',
        { class: 'tagline' },
        'Paste your roster: Interlock splits it into tables of delegation teams, lets the AI play the empty seats, and gives every student a personal link to their seat.',
      ),
      error ? h('p', { class: 'notice error', role: 'alert' }, error) : null,
      h(
        'div',
        { class: 'start-grid' },
        h(
          'section',
          { class: 'card', 'aria-labelledby': 'roster-h' },
          h('h2', { id: 'roster-h' }, 'Students'),
          h(
            'div',
            { class: 'field' },
            h('label', { for: 'class-title' }, 'Class name'),
            h('input', { id: 'class-title', type: 'text', maxlength: 80, value: f.title, oninput: (e: Event) => set('title', valueOf(e)) }),
          ),
          h(
            'div',
            { class: 'field' },
            h('label', { for: 'class-roster' }, 'Roster: one student a line'),
            h('textarea', {
              id: 'class-roster',
              rows: 12,
              maxlength: 12000,
              placeholder: 'Ana Silva\nBen Okafor: Blue\nChen Li: Blue\n…',
              'aria-describedby': 'roster-help',
              value: f.roster,
              oninput: (e: Event) => set('roster', valueOf(e)),
            }),
            h(
              'p',
              { id: 'roster-help', class: 'muted small' },
              'A team wish after a colon keeps students together: “Ben Okafor: Blue” and “Chen Li: Blue” play the same delegation. “Dana Park: observer” or “Eli Cohen: press” gives a role beyond the delegations.',
            ),
          ),
          h(
            'p',
            { class: 'muted', role: 'status' },
            n
              ? `${n} students → ${tables} table${tables > 1 ? 's' : ''}${roles ? ` (${roles} as observer or press)` : ''}`
              : 'No students yet.',
          ),
        ),
        h(
          'section',
          { class: 'card', 'aria-labelledby': 'lesson-h' },
          h('h2', { id: 'lesson-h' }, 'Lesson'),
          select('class-preset', 'Lesson length', f.preset, PRESET_LABELS, (v) => set('preset', v as PresetId)),
          h(
            'div',
            { class: 'field' },
            h('label', { for: 'class-tables' }, 'Tables'),
            h('input', {
              id: 'class-tables',
              type: 'number',
              min: 1,
              max: 20,
              placeholder: String(tables),
              value: f.tables ?? '',
              oninput: (e: Event) => {
                const v = Number(valueOf(e));
                set('tables', valueOf(e) === '' || !Number.isInteger(v) ? null : v);
              },
            }),
          ),
          select(
            'class-personality',
            'The AI in empty seats plays as',
            f.personality,
            PERSONALITIES.map((p) => [p, p]),
            (v) => set('personality', v as Personality),
          ),
          select(
            'class-difficulty',
            'AI difficulty',
            f.difficulty,
            DIFFICULTIES.map((d) => [d, d]),
            (v) => set('difficulty', v as Difficulty),
          ),
          h(
            'details',
            { class: 'small' },
            h('summary', {}, 'This server has a facilitator key'),
            h(
              'div',
              { class: 'field' },
              h('label', { for: 'class-server-key' }, 'Facilitator key of the server'),
              h('input', {
                id: 'class-server-key',
                type: 'password',
                maxlength: 128,
                autocomplete: 'off',
                value: f.serverKey,
                oninput: (e: Event) => set('serverKey', valueOf(e)),
              }),
            ),
          ),
          h(
            'div',
            { class: 'row', style: 'margin-top:12px' },
            button(busy ? 'Creating…' : 'Create the class', () => create(f), { class: 'primary', disabled: busy || n === 0 }),
            button('Back to the start', back),
          ),
        ),
      ),
    ),
  );
}
