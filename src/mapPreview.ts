// A dev page for the map (map.html): the default scenario, a game in round 4 with a few fronts
// heated up and some incidents, drawn full-window. `?incidents=100` draws a hundred new (animated)
// incidents instead; `?reduced=1` turns motion off. The composition root of this page only.
import scenarioJson from '../assets/scenarios/ceasefire-2026.json';
import { createGame, formatProblems, parseScenario, publicView, type GameState, type Incident, type Scenario } from './engine';
import { buildMapModel, describeMapItems, LAYOUT_ZOOM } from './map/model';
// eslint-disable-next-line no-restricted-imports -- this page is a composition root, like main.ts
import { createMapGame, type MapScene } from './scenes/MapScene';

declare global {
  interface Window {
    interlockMap?: MapScene;
    /** For the benchmark: redraws the preview with `n` new incidents (0: the sample ones; -1: a bare map). */
    interlockPreview?: (n: number) => void;
    /** For scripts/bench-browser.mjs: the same fronts and places, with no incidents or with `n` new ones. */
    mapBench?: { bare(): void; addIncidents(n: number): void; stats(): ReturnType<MapScene['stats']> };
  }
}

type Finding = Incident['attribution'];

function finding(named: string | null, confidence: number): Finding {
  return { named, confidence, round: 4, override: false };
}

function sampleIncidents(): Incident[] {
  const rows: Array<[number, string, Incident['kind'], number, Finding, string | null]> = [
    [1, 'iraq', 'rocket', 3, finding('spoiler', 66), null],
    [2, 'lebanon', 'rocket', 2, finding('iran', 71), 'hezbollah'],
    [2, 'red-sea', 'maritime', 3, null, 'houthis'],
    [3, 'iraq', 'drone', 1, finding(null, 45), 'iraqi-militias'],
    [3, 'red-sea', 'drone', 2, null, 'houthis'],
    [4, 'hormuz', 'maritime', 2, null, null],
    [4, 'syria', 'raid', 1, finding('independent', 58), 'hezbollah'],
    [4, 'lebanon', 'cyber', 1, null, 'hezbollah'],
  ];
  return rows.map(([round, front, kind, severity, attribution, network], i) => ({
    id: i + 1,
    round,
    front,
    network,
    kind,
    severity,
    sponsor: 'hidden',
    attribution,
    cancelled: false,
    revealed: false,
  }));
}

function manyIncidents(sc: Scenario, n: number, round: number): Incident[] {
  const land: Array<Incident['kind']> = ['drone', 'rocket', 'raid', 'cyber'];
  return Array.from({ length: n }, (_, i) => {
    const front = sc.fronts[i % sc.fronts.length];
    const kinds = front?.maritime ? (['maritime', 'drone'] as const) : land;
    return {
      id: i + 1,
      round,
      front: front?.id ?? 'hormuz',
      network: null,
      kind: kinds[i % kinds.length] ?? 'drone',
      severity: 1 + (i % 3),
      sponsor: 'hidden',
      attribution: i % 4 === 0 ? finding('iran', 60 + (i % 30)) : null,
      cancelled: false,
      revealed: false,
    };
  });
}

function previewState(sc: Scenario, incidents: number): GameState {
  const s = createGame(sc, 1);
  s.round = 4;
  const set = (id: string, tension: number, observers: number, patrols: number) => (s.fronts[id] = { tension, observers, patrols });
  set('lebanon', 68, 2, 0);
  set('syria', 38, 0, 0);
  set('iraq', 52, 1, 0);
  set('red-sea', 81, 0, 3);
  set('hormuz', 62, 1, 2);
  s.allocation = { inspections: { nuclear: 2 }, observers: { lebanon: 2, iraq: 1, hormuz: 1 } };
  s.incidents = incidents > 0 ? manyIncidents(sc, incidents, s.round) : sampleIncidents();
  s.nextIncidentId = s.incidents.length + 1;
  return s;
}

async function main() {
  const parsed = parseScenario(scenarioJson);
  if (!parsed.ok) throw new Error(formatProblems(parsed.problems));
  const params = new URLSearchParams(location.search);
  const count = Math.max(0, Math.min(500, Number(params.get('incidents') ?? 0) || 0));
  const reduced = params.get('reduced') === '1' || matchMedia('(prefers-reduced-motion: reduce)').matches;
  const sc = parsed.scenario;
  const bare = params.get('bare') === '1';
  const model = (n: number) => buildMapModel(sc, publicView(previewState(sc, n)));
  const withoutIncidents = () => ({ ...model(0), incidents: [] });
  const shown = model(count);

  const mapEl = document.getElementById('map');
  const status = document.getElementById('status');
  const list = document.getElementById('list');
  if (!mapEl || !status || !list) return;
  const map = createMapGame(mapEl, { reducedMotion: reduced });
  const scene = await map.scene;
  if (!bare) scene.setModel(shown);
  scene.onHover((text) => (status.textContent = text ?? ''));
  for (const item of describeMapItems(shown)) {
    const li = document.createElement('li');
    li.tabIndex = 0;
    li.textContent = item.text;
    li.addEventListener('focus', () => {
      scene.highlight(item.key);
      status.textContent = item.text;
    });
    li.addEventListener('blur', () => {
      scene.highlight(null);
      status.textContent = '';
    });
    list.append(li);
  }
  window.interlockMap = scene;
  window.interlockPreview = (n) => {
    const empty = { round: 4, fronts: [], incidents: [], places: [], layoutZoom: LAYOUT_ZOOM };
    scene.setModel(n < 0 ? empty : model(n));
  };
  window.mapBench = {
    bare: () => scene.setModel(withoutIncidents()),
    addIncidents: (n) => scene.setModel(n > 0 ? model(n) : withoutIncidents()),
    stats: () => scene.stats(),
  };
  import.meta.hot?.dispose(() => map.destroy());
}

void main();
