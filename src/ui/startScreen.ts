// The start screen: solo, hot-seat, continue, load a save or a scenario, how to play.
import type { Scenario } from '../engine';
import { useRef, useState } from 'preact/hooks';
import { button, checkedOf, h, type VNode } from './dom';
import { useForm } from './form';
import { TalkModelSettings } from './talkModelSettings';
import type { AiCharacter, NewGame } from './controller';

const FILE_INPUT_NAMES: Record<string, string> = {
  'load-save': 'Save file to load',
  'load-scenario': 'Scenario file to load',
  'load-debrief': 'Saved game or log to debrief',
  'load-compare': 'Games to compare',
};

export interface StartActions {
  start(game: NewGame): void;
  continueSaved(): void;
  loadSaveFile(text: string): void;
  loadScenarioFile(text: string): void;
  /** Back to the scenario built into the game (shown while a custom one is in use). */
  useBuiltInScenario: (() => void) | null;
  /** Opens the report and replay of a save or log file. */
  openDebriefFile(text: string): void;
  /** Compares several save or log files of the same scenario. */
  compareFiles(files: Array<{ name: string; text: string }>): void;
  briefingPacks(): void;
  howToPlay(): void;
}

export interface StartInfo {
  scenario: Scenario;
  saved: { round: number; phase: string; savedAt: string; finished: boolean } | null;
  notice: { kind: 'error' | 'info'; text: string; list?: string[] } | null;
}

const randomSeed = () => Math.floor(Math.random() * 1_000_000) + 1;

export function StartScreen({ info, act, extra = null }: { info: StartInfo; act: StartActions; extra?: VNode | null }): VNode {
  const { scenario } = info;
  const delegations = scenario.delegations;
  const { values, field, set } = useForm({
    'solo-seat': delegations[0]?.id ?? '',
    'solo-difficulty': 'standard',
    'solo-character': 'pragmatist',
    'solo-seed': String(randomSeed()),
    'hs-difficulty': 'standard',
    'hs-character': 'pragmatist',
    'hs-seed': String(randomSeed()),
  });
  const [hotseatHumans, setHotseatHumans] = useState<readonly string[]>(() => delegations.slice(0, 2).map((d) => d.id));
  // The hidden file inputs are opened by their buttons.
  const files = useRef<Record<string, HTMLInputElement | null>>({});
  const fileInput = (id: string, then: (input: HTMLInputElement) => void, multiple = false) =>
    h('input', {
      type: 'file',
      id,
      // Hidden, opened by the button beside it; named for a screen reader that finds it anyway.
      'aria-label': FILE_INPUT_NAMES[id] ?? 'Choose a file',
      tabindex: -1,
      accept: '.json,application/json',
      multiple,
      class: 'sr-only',
      ref: (el: HTMLInputElement | null) => (files.current[id] = el),
      onchange: (e: Event) => then(e.currentTarget as HTMLInputElement),
    });
  const open = (id: string) => () => files.current[id]?.click();

  const solo = h(
    'section',
    { class: 'card', 'aria-labelledby': 'solo-h' },
    h('h2', { id: 'solo-h' }, 'Solo game'),
    h('p', { class: 'muted' }, 'Lead one delegation; the others are played by AI delegations that explain their choices.'),
    h(
      'div',
      { class: 'field' },
      h('label', { for: 'solo-seat' }, 'Delegation'),
      h(
        'select',
        { ...field('solo-seat'), 'aria-label': 'Your delegation' },
        ...delegations.map((d) => h('option', { key: d.id, value: d.id }, d.name)),
      ),
    ),
    h('div', { class: 'field' }, h('label', { for: 'solo-difficulty' }, 'Difficulty'), difficultySelect(field('solo-difficulty'))),
    h(
      'div',
      { class: 'field' },
      h('label', { for: 'solo-character' }, 'Character of the AI delegations'),
      characterSelect(field('solo-character')),
    ),
    h(
      'div',
      { class: 'field' },
      h('label', { for: 'solo-seed' }, 'Seed (the same seed replays the same game)'),
      h(
        'div',
        { class: 'row' },
        h('input', { ...field('solo-seed'), type: 'number', min: 1, max: 4294967295, 'aria-label': 'Seed for the solo game' }),
        button('Random seed', () => set('solo-seed', String(randomSeed()))),
      ),
    ),
    button(
      'Start solo game',
      () =>
        act.start({
          mode: 'solo',
          humans: [values['solo-seat']],
          difficulty: values['solo-difficulty'] as NewGame['difficulty'],
          personality: values['solo-character'] as AiCharacter,
          seed: seedOf(values['solo-seed']),
        }),
      { class: 'primary' },
    ),
    h(TalkModelSettings, {}),
  );

  const hotseat = h(
    'section',
    { class: 'card', 'aria-labelledby': 'hs-h' },
    h('h2', { id: 'hs-h' }, 'Hot-seat game'),
    h('p', { class: 'muted' }, 'Several delegations share this screen. Sealed commits are hidden behind a hand-over screen.'),
    h(
      'fieldset',
      {},
      h('legend', {}, 'Delegations played by people'),
      h(
        'div',
        { class: 'seat-list' },
        ...delegations.map((d) =>
          h(
            'label',
            { key: d.id, for: `hs-${d.id}`, class: 'row' },
            h('input', {
              type: 'checkbox',
              id: `hs-${d.id}`,
              value: d.id,
              checked: hotseatHumans.includes(d.id),
              onchange: (e: Event) => setHotseatHumans(checkedOf(e) ? [...hotseatHumans, d.id] : hotseatHumans.filter((x) => x !== d.id)),
            }),
            d.name,
          ),
        ),
      ),
    ),
    h('div', { class: 'field' }, h('label', { for: 'hs-difficulty' }, 'AI difficulty'), difficultySelect(field('hs-difficulty'))),
    h(
      'div',
      { class: 'field' },
      h('label', { for: 'hs-character' }, 'Character of the AI delegations'),
      characterSelect(field('hs-character')),
    ),
    h(
      'div',
      { class: 'field' },
      h('label', { for: 'hs-seed' }, 'Seed'),
      h('input', { ...field('hs-seed'), type: 'number', min: 1, max: 4294967295, 'aria-label': 'Seed for the hot-seat game' }),
    ),
    button(
      'Start hot-seat game',
      () => {
        // In the order of the scenario, whatever order they were ticked in.
        const humans = delegations.filter((d) => hotseatHumans.includes(d.id)).map((d) => d.id);
        act.start({
          mode: 'hotseat',
          humans,
          difficulty: values['hs-difficulty'] as NewGame['difficulty'],
          personality: values['hs-character'] as AiCharacter,
          seed: seedOf(values['hs-seed']),
        });
      },
      { class: 'primary' },
    ),
  );

  const saveInput = fileInput('load-save', (input) => void readFile(input, act.loadSaveFile));
  const scenarioInput = fileInput('load-scenario', (input) => void readFile(input, act.loadScenarioFile));
  const debriefInput = fileInput('load-debrief', (input) => void readFile(input, act.openDebriefFile));
  const compareInput = fileInput('load-compare', (input) => void readFiles(input, act.compareFiles), true);
  const saved = info.saved;
  const more = h(
    'section',
    { class: 'card', 'aria-labelledby': 'more-h' },
    h('h2', { id: 'more-h' }, 'Continue or load'),
    saved
      ? h(
          'div',
          {},
          button(
            `${saved.finished ? 'Open the finished game' : 'Continue saved game'} (round ${saved.round}, ${saved.phase})`,
            act.continueSaved,
            {
              class: 'primary',
            },
          ),
          h('p', { class: 'muted small' }, `Saved ${saved.savedAt}`),
        )
      : h('p', { class: 'muted' }, 'No saved game in this browser yet. Games save themselves after every round.'),
    h('div', { class: 'row' }, button('Load a save file…', open('load-save')), saveInput),
    h('div', { class: 'row', style: 'margin-top:8px' }, button('Load a scenario file…', open('load-scenario')), scenarioInput),
    h('p', { class: 'muted small' }, `Scenario: ${scenario.title}${act.useBuiltInScenario ? ' (loaded from a file)' : ''}`),
    act.useBuiltInScenario ? h('div', { class: 'row' }, button('Use the built-in scenario', act.useBuiltInScenario)) : null,
    h('div', { class: 'row', style: 'margin-top:8px' }, button('How to play', act.howToPlay)),
  );
  const debrief = h(
    'section',
    { class: 'card', 'aria-labelledby': 'debrief-h' },
    h('h2', { id: 'debrief-h' }, 'Prepare and debrief'),
    h(
      'p',
      { class: 'muted' },
      'Before a session: print a briefing for each delegation. After it: the after-action report, the replay round by round, and what-if forks.',
    ),
    h('div', { class: 'row' }, button('Briefing packs', act.briefingPacks)),
    h('div', { class: 'row', style: 'margin-top:8px' }, button('Debrief a saved game or log…', open('load-debrief')), debriefInput),
    h('div', { class: 'row', style: 'margin-top:8px' }, button('Compare several games…', open('load-compare')), compareInput),
  );

  return h(
    'main',
    { class: 'start' },
    h(
      'div',
      { class: 'start-inner' },
      h('h1', {}, 'Interlock'),
      h('p', { class: 'tagline' }, scenario.summary),
      h(
        'p',
        { class: 'tagline' },
        `A concession only holds when the matching concessions on the other side come in the same window and are independently verified. Build every span of the bridge — ${scenario.tracks.map((t) => t.name.toLowerCase()).join(', ')} — before the truce drifts or unravels.`,
      ),
      info.notice
        ? h(
            'div',
            { class: `notice ${info.notice.kind}`, role: 'alert' },
            info.notice.text,
            info.notice.list?.length
              ? h('ul', { class: 'problems', 'aria-label': 'Problems found' }, ...info.notice.list.map((l, i) => h('li', { key: i }, l)))
              : null,
          )
        : null,
      h('div', { class: 'start-grid' }, solo, hotseat, extra, h('div', { class: 'start-stack' }, more, debrief)),
    ),
  );
}

type Field = { id: string; value: string; oninput: (e: Event) => void };

function difficultySelect(f: Field): VNode {
  return h(
    'select',
    f,
    h('option', { value: 'novice' }, 'Novice — careless, easy to outplay'),
    h('option', { value: 'standard' }, 'Standard — plays its doctrine'),
    h('option', { value: 'expert' }, 'Expert — looks ahead before it commits'),
  );
}

function characterSelect(f: Field): VNode {
  return h(
    'select',
    f,
    h('option', { value: 'pragmatist' }, 'Pragmatists — deal when it pays'),
    h('option', { value: 'hawk' }, 'Hawks — distrustful, quick to escalate'),
    h('option', { value: 'dove' }, 'Doves — keep their word, seek calm'),
    h('option', { value: 'mixed' }, 'Mixed — a character per delegation, from the seed'),
  );
}

function seedOf(text: string): number {
  const n = Math.floor(Number(text));
  return Number.isFinite(n) && n > 0 ? n >>> 0 : randomSeed();
}

async function readFile(input: HTMLInputElement, then: (text: string) => void) {
  const file = input.files?.[0];
  if (!file) return;
  then(await file.text());
  input.value = '';
}

async function readFiles(input: HTMLInputElement, then: (files: Array<{ name: string; text: string }>) => void) {
  const files = [...(input.files ?? [])];
  if (files.length === 0) return;
  then(await Promise.all(files.map(async (f) => ({ name: f.name, text: await f.text() }))));
  input.value = '';
}
