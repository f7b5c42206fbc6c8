// The composition root of the browser game. Until the browser game lands, it loads the default
// scenario, checks it, and shows what the engine knows about it.
import scenarioJson from '../assets/scenarios/ceasefire-2026.json';
import { parseScenario } from './engine';

const app = document.getElementById('app');
const result = parseScenario(scenarioJson);
if (app) {
  const h1 = document.createElement('h1');
  h1.textContent = 'Interlock';
  const p = document.createElement('p');
  p.textContent = result.ok
    ? `${result.scenario.title}: ${result.scenario.summary} The browser game is under construction; the engine plays whole games from the command line (npm run sim).`
    : `The scenario is refused: ${result.problems.map((x) => `${x.path}: ${x.message}`).join('; ')}`;
  app.append(h1, p);
}
