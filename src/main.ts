// The composition root: loads the scenario, builds the interface, and plugs the Phaser map in
// (the only place that imports a scene; Phaser loads as its own chunk).
import scenarioJson from '../assets/scenarios/ceasefire-2026.json';
import { parseScenario, type GameView, type Scenario } from './engine';
import { buildMapModel, describeMap, LAYOUT_ZOOM, WALL_TEXT_FRACTION, wallLayoutZoom, type MapModel } from './map/model';
import { App, type MapPort } from './ui/app';
import './ui/styles.css';
import './ui/layout.css';

function mapPort(parent: HTMLElement, scenario: Scenario): MapPort {
  const reducedMotion = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
  let latest: MapModel | null = null;
  let lastView: GameView | null = null;
  let hover: (text: string | null) => void = () => undefined;
  let destroyed = false;
  let stats: MapPort['stats'] = () => null;
  let legend = true;
  let wall = false;
  let destroy = () => undefined as void;
  const ready = import('./scenes/MapScene').then(({ createMapGame }) => {
    if (destroyed) return null;
    const game = createMapGame(parent, { reducedMotion });
    destroy = game.destroy;
    return game.scene.then((scene) => {
      scene.onHover((text) => hover(text));
      stats = () => scene.stats();
      scene.setLegendVisible(legend);
      if (wall) scene.setWall(true);
      if (latest) scene.setModel(latest);
      return scene;
    });
  });
  // On the wall the labels are laid out for the wall's reading rule at this window's size.
  const layoutZoom = () =>
    wall ? wallLayoutZoom(parent.clientWidth, parent.clientHeight, window.innerWidth * WALL_TEXT_FRACTION) : LAYOUT_ZOOM;
  const show = (view: GameView) => {
    lastView = view;
    latest = buildMapModel(scenario, view, layoutZoom());
    const model = latest;
    void ready.then((scene) => scene?.setModel(model));
    return describeMap(model);
  };
  const relayout = () => {
    if (wall && lastView && latest?.layoutZoom !== layoutZoom()) show(lastView);
  };
  window.addEventListener('resize', relayout);
  return {
    show,
    onHover(cb) {
      hover = cb;
    },
    stats: () => stats(),
    setLegend(visible) {
      legend = visible;
      void ready.then((scene) => scene?.setLegendVisible(visible));
    },
    setWall(on) {
      wall = on;
      void ready.then((scene) => scene?.setWall(on));
      relayout();
    },
    destroy() {
      destroyed = true;
      window.removeEventListener('resize', relayout);
      destroy();
    },
  };
}

const root = document.getElementById('app');
const parsed = parseScenario(scenarioJson);
if (root && parsed.ok) {
  const app = new App(root, parsed.scenario, mapPort);
  // Hooks for the browser tests; they expose only what the screen already shows (no secrets).
  Object.assign(window, {
    interlock: {
      hash: () => app.controller.local?.hash() ?? null,
      round: () => app.store.getState().view?.round ?? 0,
      step: () => app.store.getState().view?.step ?? null,
      thinking: () => app.store.getState().thinking.length,
      mapText: () => app.mapLines,
      mapStats: () => app.mapPort?.stats() ?? null,
      debrief: () => app.debriefStats(),
    },
  });
} else if (root && !parsed.ok) {
  root.textContent = `The built-in scenario is refused: ${parsed.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`;
}
