// The start screen: solo, hot-seat, continue, load a save or a scenario, how to play.
import type { Scenario } from '../engine';
import { button, h } from './dom';
import type { AiCharacter, NewGame } from './controller';

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
  saved: { round: number; phase: string; savedAt: string } | null;
  notice: { kind: 'error' | 'info'; text: string; list?: string[] } | null;
}

const randomSeed = () => Math.floor(Math.random() * 1_000_000) + 1;

export function startScreen(info: StartInfo, act: StartActions, extra: HTMLElement | null = null): HTMLElement {
  const { scenario } = info;
  const delegations = scenario.delegations;

  const soloSeat = h('select', { id: 'solo-seat', 'aria-label': 'Your delegation' }, ...delegations.map((d) => h('option', { value: d.id }, d.name)));
  const soloDiff = difficultySelect('solo-difficulty');
  const soloChar = characterSelect('solo-character');
  const soloSeed = h('input', { id: 'solo-seed', type: 'number', min: 1, max: 4294967295, value: randomSeed(), 'aria-label': 'Seed for the solo game' });
  const solo = h(
    'section',
    { class: 'card', 'aria-labelledby': 'solo-h' },
    h('h2', { id: 'solo-h' }, 'Solo game'),
    h('p', { class: 'muted' }, 'Lead one delegation; the others are played by AI delegations that explain their choices.'),
    h('div', { class: 'field' }, h('label', { for: 'solo-seat' }, 'Delegation'), soloSeat),
    h('div', { class: 'field' }, h('label', { for: 'solo-difficulty' }, 'Difficulty'), soloDiff),
    h('div', { class: 'field' }, h('label', { for: 'solo-character' }, 'Character of the AI delegations'), soloChar),
    h(
      'div',
      { class: 'field' },
      h('label', { for: 'solo-seed' }, 'Seed (the same seed replays the same game)'),
      h('div', { class: 'row' }, soloSeed, button('Random seed', () => (soloSeed.value = String(randomSeed())))),
    ),
    button(
      'Start solo game',
      () => act.start({ mode: 'solo', humans: [soloSeat.value], difficulty: soloDiff.value as NewGame['difficulty'], personality: soloChar.value as AiCharacter, seed: seedOf(soloSeed) }),
      { class: 'primary' },
    ),
  );

  const seatBoxes = delegations.map((d, i) =>
    h('input', { type: 'checkbox', id: `hs-${d.id}`, value: d.id, checked: i < 2 }),
  );
  const hsDiff = difficultySelect('hs-difficulty');
  const hsChar = characterSelect('hs-character');
  const hsSeed = h('input', { id: 'hs-seed', type: 'number', min: 1, max: 4294967295, value: randomSeed(), 'aria-label': 'Seed for the hot-seat game' });
  const hotseat = h(
    'section',
    { class: 'card', 'aria-labelledby': 'hs-h' },
    h('h2', { id: 'hs-h' }, 'Hot-seat game'),
    h('p', { class: 'muted' }, 'Several delegations share this screen. Sealed commits are hidden behind a hand-over screen.'),
    h(
      'fieldset',
      {},
      h('legend', {}, 'Delegations played by people'),
      h('div', { class: 'seat-list' }, ...delegations.map((d, i) => h('label', { for: `hs-${d.id}`, class: 'row' }, seatBoxes[i] as HTMLElement, d.name))),
    ),
    h('div', { class: 'field' }, h('label', { for: 'hs-difficulty' }, 'AI difficulty'), hsDiff),
    h('div', { class: 'field' }, h('label', { for: 'hs-character' }, 'Character of the AI delegations'), hsChar),
    h('div', { class: 'field' }, h('label', { for: 'hs-seed' }, 'Seed'), hsSeed),
    button(
      'Start hot-seat game',
      () => {
        const humans = seatBoxes.filter((b) => b.checked).map((b) => b.value);
        act.start({ mode: 'hotseat', humans, difficulty: hsDiff.value as NewGame['difficulty'], personality: hsChar.value as AiCharacter, seed: seedOf(hsSeed) });
      },
      { class: 'primary' },
    ),
  );

  const saveInput = h('input', { type: 'file', id: 'load-save', accept: '.json,application/json', class: 'sr-only' });
  saveInput.addEventListener('change', () => void readFile(saveInput, act.loadSaveFile));
  const scenarioInput = h('input', { type: 'file', id: 'load-scenario', accept: '.json,application/json', class: 'sr-only' });
  scenarioInput.addEventListener('change', () => void readFile(scenarioInput, act.loadScenarioFile));
  const debriefInput = h('input', { type: 'file', id: 'load-debrief', accept: '.json,application/json', class: 'sr-only' });
  debriefInput.addEventListener('change', () => void readFile(debriefInput, act.openDebriefFile));
  const compareInput = h('input', { type: 'file', id: 'load-compare', accept: '.json,application/json', multiple: true, class: 'sr-only' });
  compareInput.addEventListener('change', () => void readFiles(compareInput, act.compareFiles));
  const saved = info.saved;
  const more = h(
    'section',
    { class: 'card', 'aria-labelledby': 'more-h' },
    h('h2', { id: 'more-h' }, 'Continue or load'),
    saved
      ? h('div', {}, button(`Continue saved game (round ${saved.round}, ${saved.phase})`, act.continueSaved, { class: 'primary' }), h('p', { class: 'muted small' }, `Saved ${saved.savedAt}`))
      : h('p', { class: 'muted' }, 'No saved game in this browser yet. Games save themselves after every round.'),
    h('div', { class: 'row' }, button('Load a save file…', () => saveInput.click()), saveInput),
    h('div', { class: 'row', style: 'margin-top:8px' }, button('Load a scenario file…', () => scenarioInput.click()), scenarioInput),
    h('p', { class: 'muted small' }, `Scenario: ${scenario.title}${act.useBuiltInScenario ? ' (loaded from a file)' : ''}`),
    act.useBuiltInScenario ? h('div', { class: 'row' }, button('Use the built-in scenario', act.useBuiltInScenario)) : null,
    h('div', { class: 'row', style: 'margin-top:8px' }, button('How to play', act.howToPlay)),
  );
  const debrief = h(
    'section',
    { class: 'card', 'aria-labelledby': 'debrief-h' },
    h('h2', { id: 'debrief-h' }, 'Prepare and debrief'),
    h('p', { class: 'muted' }, 'Before a session: print a briefing for each delegation. After it: the after-action report, the replay round by round, and what-if forks.'),
    h('div', { class: 'row' }, button('Briefing packs', act.briefingPacks)),
    h('div', { class: 'row', style: 'margin-top:8px' }, button('Debrief a saved game or log…', () => debriefInput.click()), debriefInput),
    h('div', { class: 'row', style: 'margin-top:8px' }, button('Compare several games…', () => compareInput.click()), compareInput),
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
            info.notice.list?.length ? h('ul', { class: 'problems', 'aria-label': 'Problems found' }, ...info.notice.list.map((l) => h('li', {}, l))) : null,
          )
        : null,
      h('div', { class: 'start-grid' }, solo, hotseat, extra, h('div', { class: 'start-stack' }, more, debrief)),
    ),
  );
}

function difficultySelect(id: string): HTMLSelectElement {
  const s = h(
    'select',
    { id },
    h('option', { value: 'novice' }, 'Novice — careless, easy to outplay'),
    h('option', { value: 'standard', selected: true }, 'Standard — plays its doctrine'),
    h('option', { value: 'expert' }, 'Expert — looks ahead before it commits'),
  );
  return s;
}

function characterSelect(id: string): HTMLSelectElement {
  return h(
    'select',
    { id },
    h('option', { value: 'pragmatist', selected: true }, 'Pragmatists — deal when it pays'),
    h('option', { value: 'hawk' }, 'Hawks — distrustful, quick to escalate'),
    h('option', { value: 'dove' }, 'Doves — keep their word, seek calm'),
    h('option', { value: 'mixed' }, 'Mixed — a character per delegation, from the seed'),
  );
}

function seedOf(input: HTMLInputElement): number {
  const n = Math.floor(Number(input.value));
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
