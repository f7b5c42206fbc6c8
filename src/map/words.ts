// The map in words: what incidents, places and fronts are called, and the council's finding as
// a label (never the true sponsor). The text list beside the map reads these sentences.
import type { Incident, Scenario } from '../engine';
import type { IncidentKind, PlaceKind } from './design';
import type { MapFront, MapIncident, MapModel, MapPlace } from './types';

const KIND_WORDS: Record<IncidentKind, string> = {
  drone: 'drone attack',
  rocket: 'rocket attack',
  raid: 'raid',
  cyber: 'cyberattack',
  maritime: 'attack on shipping',
};

const PLACE_WORDS: Record<PlaceKind, string> = {
  capital: 'capital',
  strait: 'shipping strait',
  site: 'nuclear site',
  city: 'city',
};

const plural = (n: number, one: string, many: string) => (n === 0 ? `no ${many}` : n === 1 ? `1 ${one}` : `${n} ${many}`);

/** Who the council's finding names, in the scenario's own short words. */
function sponsorName(scenario: Scenario, named: string, network: string | null): string {
  if (named === 'spoiler') return scenario.spoilers.name;
  if (named === 'independent') {
    const net = scenario.proxyNetworks.find((n) => n.id === network);
    return net ? `${net.name} acting alone` : 'an independent group';
  }
  return scenario.delegations.find((d) => d.id === named)?.short ?? named;
}

/** The council's finding only: the true sponsor is never read, even when the view holds it. */
export function attributionLabel(
  scenario: Scenario,
  inc: Pick<Incident, 'attribution' | 'network'>,
): { attributed: boolean; label: string } {
  const a = inc.attribution;
  if (!a) return { attributed: false, label: 'unattributed' };
  if (a.named === null || a.named === 'hidden') return { attributed: false, label: `inconclusive (${a.confidence}%)` };
  return { attributed: true, label: `attributed to ${sponsorName(scenario, a.named, inc.network)} (${a.confidence}%)` };
}

export function describeFront(f: Pick<MapFront, 'name' | 'tension' | 'level' | 'observers' | 'patrols'>): string {
  return `${f.name}: tension ${f.tension} (${f.level}), ${plural(f.observers, 'observer team', 'observer teams')}, ${plural(f.patrols, 'patrol', 'patrols')}.`;
}

export function describeIncident(i: Pick<MapIncident, 'id' | 'round' | 'kind' | 'frontName' | 'severity' | 'label' | 'isNew'>): string {
  return `Incident #${i.id}, round ${i.round}${i.isNew ? ' (new)' : ''}: ${KIND_WORDS[i.kind]}, ${i.frontName}, severity ${i.severity}, ${i.label}.`;
}

export function describePlace(p: Pick<MapPlace, 'name' | 'kind' | 'underInspection'>): string {
  if (p.kind !== 'site') return `${p.name}: ${PLACE_WORDS[p.kind]}.`;
  return `${p.name}: ${PLACE_WORDS.site}, ${p.underInspection ? 'under inspection' : 'not under inspection'}.`;
}

/** The map as keyed sentences: fronts, then incidents newest first, then places. */
export function describeMapItems(model: MapModel): Array<{ key: string; text: string }> {
  return [...model.fronts, ...[...model.incidents].sort((a, b) => b.id - a.id), ...model.places].map((x) => ({
    key: x.key,
    text: x.description,
  }));
}

/** The map as plain sentences, for the text list beside it (screen readers, keyboard users). */
export function describeMap(model: MapModel): string[] {
  return describeMapItems(model).map((x) => x.text);
}
