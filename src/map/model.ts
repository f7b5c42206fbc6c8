// What the map shows, as plain data in map pixels: fronts, incidents, places, their labels and
// where those labels go. Pure (no Phaser, no DOM): the scene only turns this into pictures, and
// describeMap turns it into the sentences of the text list beside the map.
import type { GameView, Incident, Scenario } from '../engine';
import { MAP_SIZE, pixelsPerKm, project } from './projection';

export type TensionLevel = 'calm' | 'tense' | 'high' | 'critical';
export type IncidentKind = Incident['kind'];
export type PlaceKind = Scenario['places'][number]['kind'];

/**
 * The camera zoom the layout is computed for: the 1600×1300 map fitted into a 1280×720 window.
 * Markers and labels keep their screen size (in "design pixels") at this zoom and above, so what
 * does not overlap here does not overlap when the player zooms in.
 */
export const LAYOUT_ZOOM = 0.55;

/** Type sizes and marker sizes in design pixels, shared with the scene that draws them. */
export const DESIGN = {
  frontName: 15,
  frontDetail: 13,
  placeLabel: 13,
  padX: 8,
  padY: 5,
  badge: 14,
  marker: 12,
  gap: 4,
} as const;

/** Incident icon size (design pixels) by severity 1–3: graver incidents are drawn larger. */
export function incidentIconSize(severity: number): number {
  return 23 + 3 * (Math.min(3, Math.max(1, severity)) - 1);
}

/** Where a label goes: an anchor in map pixels, an offset in design pixels, the box's origin. */
export interface LabelSpot {
  x: number;
  y: number;
  dx: number;
  dy: number;
  originX: number;
  originY: number;
}

export interface MapFront {
  /** "front:<id>": the key the scene's highlight and the text list share. */
  key: string;
  id: string;
  name: string;
  x: number;
  y: number;
  radius: number;
  tension: number;
  level: TensionLevel;
  fill: number;
  observers: number;
  patrols: number;
  maritime: boolean;
  /** The second line of the front's label, e.g. "tension 62 · high". */
  detail: string;
  label: LabelSpot;
  description: string;
}

export interface MapIncident {
  key: string;
  id: number;
  round: number;
  frontId: string;
  frontName: string;
  kind: IncidentKind;
  severity: number;
  x: number;
  y: number;
  /** Icon size in map pixels at LAYOUT_ZOOM (its footprint for the spread). */
  size: number;
  attributed: boolean;
  label: string;
  isNew: boolean;
  description: string;
}

export interface MapPlace {
  key: string;
  id: string;
  name: string;
  kind: PlaceKind;
  x: number;
  y: number;
  underInspection: boolean;
  label: LabelSpot;
  description: string;
}

export interface MapModel {
  round: number;
  fronts: MapFront[];
  incidents: MapIncident[];
  places: MapPlace[];
}

/** The track whose inspection teams put the nuclear sites under inspection. */
export const NUCLEAR_TRACK = 'nuclear';

export function tensionLevel(tension: number): TensionLevel {
  if (tension >= 75) return 'critical';
  if (tension >= 50) return 'high';
  if (tension >= 30) return 'tense';
  return 'calm';
}

/** Cividis (Nuñez et al. 2018, as fitted by d3-scale-chromatic): 0..1 → 0xRRGGBB, dark blue to yellow. */
export function cividis(t: number): number {
  const x = Math.max(0, Math.min(1, Number.isFinite(t) ? t : 0));
  const channel = (c: number) => Math.max(0, Math.min(255, Math.round(c)));
  const r = channel(-4.54 - x * (35.34 - x * (2381.73 - x * (6402.7 - x * (7024.72 - x * 2710.57)))));
  const g = channel(32.49 + x * (170.73 + x * (52.82 - x * (131.46 - x * (176.58 - x * 67.37)))));
  const b = channel(81.24 + x * (442.36 - x * (2482.43 - x * (6167.24 - x * (6614.94 - x * 2475.67)))));
  return (r << 16) | (g << 8) | b;
}

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
export function attributionLabel(scenario: Scenario, inc: Pick<Incident, 'attribution' | 'network'>): { attributed: boolean; label: string } {
  const a = inc.attribution;
  if (!a) return { attributed: false, label: 'unattributed' };
  if (a.named === null || a.named === 'hidden') return { attributed: false, label: `inconclusive (${a.confidence}%)` };
  return { attributed: true, label: `attributed to ${sponsorName(scenario, a.named, inc.network)} (${a.confidence}%)` };
}

// ---- layout: boxes in map pixels at LAYOUT_ZOOM -------------------------------------------

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

const toMap = (designPx: number) => designPx / LAYOUT_ZOOM;

/** A rough text width for system sans-serif fonts; the scene measures the real one. */
export function textWidth(text: string, size: number, bold = false): number {
  return text.length * size * (bold ? 0.63 : 0.55);
}

function overlap(a: Box, b: Box): number {
  const w = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

function outside(b: Box): number {
  const inside = overlap(b, { x: 0, y: 0, w: MAP_SIZE.width, h: MAP_SIZE.height });
  return b.w * b.h - inside;
}

/** A label's box in map pixels at LAYOUT_ZOOM, for a label `w`×`h` design pixels. */
export function labelBox(spot: LabelSpot, w: number, h: number): Box {
  return {
    x: spot.x + toMap(spot.dx - spot.originX * w),
    y: spot.y + toMap(spot.dy - spot.originY * h),
    w: toMap(w),
    h: toMap(h),
  };
}

/** The first candidate that overlaps nothing, else the one that overlaps least. */
function place(candidates: LabelSpot[], w: number, h: number, obstacles: Box[]): { spot: LabelSpot; box: Box } {
  let best: { spot: LabelSpot; box: Box; cost: number } | null = null;
  for (const spot of candidates) {
    const box = labelBox(spot, w, h);
    let cost = outside(box) * 4;
    for (const o of obstacles) cost += overlap(box, o);
    if (cost === 0) return { spot, box };
    if (!best || cost < best.cost) best = { spot, box, cost };
  }
  if (!best) throw new Error('no label candidates');
  return best;
}

/** Eight spots around a point marker of the given radius (design px), best first. */
function aroundMarker(x: number, y: number, r: number): LabelSpot[] {
  const d = r + DESIGN.gap;
  const k = d * 0.75;
  return [
    { x, y, dx: d, dy: 0, originX: 0, originY: 0.5 },
    { x, y, dx: -d, dy: 0, originX: 1, originY: 0.5 },
    { x, y, dx: 0, dy: -d, originX: 0.5, originY: 1 },
    { x, y, dx: 0, dy: d, originX: 0.5, originY: 0 },
    { x, y, dx: k, dy: -k, originX: 0, originY: 1 },
    { x, y, dx: k, dy: k, originX: 0, originY: 0 },
    { x, y, dx: -k, dy: -k, originX: 1, originY: 1 },
    { x, y, dx: -k, dy: k, originX: 1, originY: 0 },
  ];
}

/** Spots just outside a front's circle, in sixteen directions, the label box pointing outward. */
function aroundFront(x: number, y: number, radius: number): LabelSpot[] {
  const order = [-90, 90, 0, 180, -45, -135, 45, 135, -67.5, -112.5, 67.5, 112.5, -22.5, -157.5, 22.5, 157.5];
  return order.map((deg) => {
    const a = (deg * Math.PI) / 180;
    const c = Math.cos(a);
    const s = Math.sin(a);
    const round1 = (v: number) => Math.round(v * 10) / 10;
    return {
      x: round1(x + radius * c),
      y: round1(y + radius * s),
      dx: round1(DESIGN.gap * c),
      dy: round1(DESIGN.gap * s),
      originX: round1(0.5 - 0.5 * Math.sign(Math.round(c * 100)) * Math.min(1, Math.abs(c) * 1.4)),
      originY: round1(0.5 - 0.5 * Math.sign(Math.round(s * 100)) * Math.min(1, Math.abs(s) * 1.4)),
    };
  });
}

/** The label card of a front: its name over "tension 62 · high" and a badge per kind of monitor there. */
export function frontLabelSize(name: string, detail: string, badgeCount = 2): { w: number; h: number } {
  const badges = badgeCount * (DESIGN.badge + 4 + textWidth('00', DESIGN.frontDetail, true) + 8);
  const w = Math.max(textWidth(name, DESIGN.frontName, true), textWidth(detail, DESIGN.frontDetail) + badges) + 2 * DESIGN.padX;
  const h = DESIGN.frontName * 1.25 + DESIGN.frontDetail * 1.3 + 2 + 2 * DESIGN.padY;
  return { w: Math.ceil(w), h: Math.ceil(h) };
}

export function placeLabelSize(name: string): { w: number; h: number } {
  return { w: Math.ceil(textWidth(name, DESIGN.placeLabel, true) + 4), h: Math.ceil(DESIGN.placeLabel * 1.35) };
}

/**
 * Incidents spread on a sunflower spiral around their front's centre, in id order, each taking
 * the first spot clear of earlier incidents and of place markers: the same incidents always land
 * in the same spots, and a new incident never moves an old one.
 */
function spreadIncidents(items: Array<{ id: number; cx: number; cy: number; size: number }>, keepOut: Array<{ x: number; y: number; r: number }>) {
  const placed: Array<{ x: number; y: number; size: number }> = [];
  const gap = toMap(DESIGN.gap);
  const golden = Math.PI * (3 - Math.sqrt(5));
  const result = new Map<number, { x: number; y: number }>();
  for (const it of [...items].sort((a, b) => a.id - b.id)) {
    const step = (it.size + gap) * 0.62;
    let spot = { x: it.cx, y: it.cy };
    for (let k = 0; k < 4000; k++) {
      const r = step * Math.sqrt(k);
      const x = Math.round((it.cx + r * Math.cos(k * golden)) * 10) / 10;
      const y = Math.round((it.cy + r * Math.sin(k * golden)) * 10) / 10;
      const half = it.size / 2;
      if (x < half || y < half || x > MAP_SIZE.width - half || y > MAP_SIZE.height - half) continue;
      const clear =
        placed.every((p) => Math.hypot(p.x - x, p.y - y) >= (p.size + it.size) / 2 + gap) &&
        keepOut.every((o) => Math.hypot(o.x - x, o.y - y) >= o.r + half);
      if (clear) {
        spot = { x, y };
        break;
      }
    }
    placed.push({ ...spot, size: it.size });
    result.set(it.id, spot);
  }
  return result;
}

// ---- the model --------------------------------------------------------------------------

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

export function buildMapModel(scenario: Scenario, view: GameView): MapModel {
  const inspected = (view.allocation.inspections[NUCLEAR_TRACK] ?? 0) > 0;
  const frontSpecs = scenario.fronts.flatMap((f) => {
    const p = project(f.lon, f.lat);
    if (!p) return [];
    const st = view.fronts[f.id] ?? { tension: f.startTension, observers: 0, patrols: 0 };
    const tension = Math.max(0, Math.min(100, Math.round(st.tension)));
    const level = tensionLevel(tension);
    return [{ f, x: p.x, y: p.y, radius: Math.round(f.radiusKm * pixelsPerKm(f.lat) * 10) / 10, tension, level, st }];
  });
  const byFront = new Map(frontSpecs.map((s) => [s.f.id, s]));

  const placeSpecs = scenario.places.flatMap((pl) => {
    const p = project(pl.lon, pl.lat);
    return p ? [{ pl, x: p.x, y: p.y }] : [];
  });
  const markerR = DESIGN.marker / 2;
  const keepOut = placeSpecs.map((p) => ({ x: p.x, y: p.y, r: toMap(markerR + DESIGN.gap) }));

  const shown = view.incidents.filter((i) => !i.cancelled && byFront.has(i.front));
  const spots = spreadIncidents(
    shown.map((i) => {
      const f = byFront.get(i.front);
      return { id: i.id, cx: f?.x ?? 0, cy: f?.y ?? 0, size: toMap(incidentIconSize(i.severity)) };
    }),
    keepOut,
  );
  const incidents: MapIncident[] = shown.map((i) => {
    const spot = spots.get(i.id) ?? { x: 0, y: 0 };
    const { attributed, label } = attributionLabel(scenario, i);
    const base = {
      key: `incident:${i.id}`,
      id: i.id,
      round: i.round,
      frontId: i.front,
      frontName: byFront.get(i.front)?.f.name ?? i.front,
      kind: i.kind,
      severity: i.severity,
      x: spot.x,
      y: spot.y,
      size: Math.round(toMap(incidentIconSize(i.severity)) * 10) / 10,
      attributed,
      label,
      isNew: i.round >= view.round - 1,
    };
    return { ...base, description: describeIncident(base) };
  });

  // Labels go last, around everything already on the map: fronts' labels first, then places.
  const obstacles: Box[] = [
    ...incidents.map((i) => ({ x: i.x - i.size / 2, y: i.y - i.size / 2, w: i.size, h: i.size })),
    ...keepOut.map((o) => ({ x: o.x - o.r, y: o.y - o.r, w: 2 * o.r, h: 2 * o.r })),
  ];
  const fronts: MapFront[] = frontSpecs.map((s) => {
    const detail = `tension ${s.tension} · ${s.level}`;
    const size = frontLabelSize(s.f.name, detail, (s.st.observers > 0 ? 1 : 0) + (s.st.patrols > 0 ? 1 : 0));
    const { spot, box } = place(aroundFront(s.x, s.y, s.radius), size.w, size.h, obstacles);
    obstacles.push(box);
    const base = {
      key: `front:${s.f.id}`,
      id: s.f.id,
      name: s.f.name,
      x: s.x,
      y: s.y,
      radius: s.radius,
      tension: s.tension,
      level: s.level,
      fill: cividis(s.tension / 100),
      observers: s.st.observers,
      patrols: s.st.patrols,
      maritime: s.f.maritime,
      detail,
      label: spot,
    };
    return { ...base, description: describeFront(base) };
  });
  const rank: Record<PlaceKind, number> = { capital: 0, strait: 1, site: 2, city: 3 };
  const places: MapPlace[] = [...placeSpecs]
    .sort((a, b) => rank[a.pl.kind] - rank[b.pl.kind])
    .map(({ pl, x, y }) => {
      const size = placeLabelSize(pl.name);
      const { spot, box } = place(aroundMarker(x, y, markerR), size.w, size.h, obstacles);
      obstacles.push(box);
      const base = { key: `place:${pl.id}`, id: pl.id, name: pl.name, kind: pl.kind, x, y, underInspection: pl.kind === 'site' && inspected, label: spot };
      return { ...base, description: describePlace(base) };
    });
  return { round: view.round, fronts, incidents, places };
}

/** The map as keyed sentences: fronts, then incidents newest first, then places. */
export function describeMapItems(model: MapModel): Array<{ key: string; text: string }> {
  return [...model.fronts, ...[...model.incidents].sort((a, b) => b.id - a.id), ...model.places].map((x) => ({ key: x.key, text: x.description }));
}

/** The map as plain sentences, for the text list beside it (screen readers, keyboard users). */
export function describeMap(model: MapModel): string[] {
  return describeMapItems(model).map((x) => x.text);
}

// ---- the static map: geometry asset, graticule, country and sea names ----------------------

export interface RegionAsset {
  width: number;
  height: number;
  countries: Array<{ name: string; rings: number[][] }>;
}

export interface BaseLabel {
  text: string;
  x: number;
  y: number;
  /** Font size in map pixels: these labels are baked into the map and scale with it. */
  size: number;
  kind: 'country' | 'sea';
  /** Rotation in degrees, clockwise on screen. */
  angle: number;
}

const COUNTRY_NAMES: Array<[string, number, number, number]> = [
  ['TURKEY', 36, 39.2, 26],
  ['SYRIA', 39.2, 35.9, 22],
  ['IRAQ', 42.6, 31.9, 24],
  ['IRAN', 56.2, 31.4, 30],
  ['SAUDI ARABIA', 44.2, 22.6, 30],
  ['EGYPT', 30.3, 26.4, 26],
  ['JORDAN', 37.2, 30.6, 18],
  ['YEMEN', 47.3, 15.9, 22],
  ['OMAN', 56.6, 20.2, 22],
  ['SUDAN', 31, 17.4, 24],
  ['ERITREA', 38.3, 16.2, 14],
  ['ETHIOPIA', 40.4, 11.6, 18],
  ['KUWAIT', 47.5, 29.45, 13],
  ['U.A.E.', 54.2, 23.4, 13],
  ['TURKMENISTAN', 58.8, 39.3, 16],
  ['CYPRUS', 33.1, 35.35, 13],
];

const SEA_NAMES: Array<[string, [number, number], [number, number], number]> = [
  ['Mediterranean Sea', [28.6, 33.2], [33.8, 33.2], 22],
  ['Red Sea', [36.3, 23.0], [40.8, 17.4], 22],
  ['Persian Gulf', [49.6, 28.0], [53.8, 25.8], 20],
  ['Gulf of Oman', [57.9, 24.9], [61.2, 23.6], 15],
  ['Arabian Sea', [59.2, 17.0], [64, 17.0], 22],
  ['Gulf of Aden', [46.2, 12.6], [50.5, 12.9], 17],
  ['Caspian Sea', [50.3, 38.8], [53.2, 38.8], 17],
];

export function baseLabels(): BaseLabel[] {
  const out: BaseLabel[] = [];
  for (const [text, lon, lat, size] of COUNTRY_NAMES) {
    const p = project(lon, lat);
    if (p) out.push({ text, x: p.x, y: p.y, size, kind: 'country', angle: 0 });
  }
  for (const [text, a, b, size] of SEA_NAMES) {
    const p = project(a[0], a[1]);
    const q = project(b[0], b[1]);
    if (!p || !q) continue;
    const angle = Math.round((Math.atan2(q.y - p.y, q.x - p.x) * 180) / Math.PI);
    out.push({ text, x: (p.x + q.x) / 2, y: (p.y + q.y) / 2, size, kind: 'sea', angle });
  }
  return out;
}

/** Meridians and parallels every `step` degrees, as polylines [x0, y0, x1, y1] in map pixels. */
export function graticule(step = 5): number[][] {
  const lines: number[][] = [];
  for (let lon = 20; lon <= 70; lon += step) {
    const a = project(lon, 0);
    const b = project(lon, 45);
    if (a && b) lines.push([a.x, a.y, b.x, b.y]);
  }
  for (let lat = 5; lat <= 45; lat += step) {
    const a = project(15, lat);
    const b = project(75, lat);
    if (a && b) lines.push([a.x, a.y, b.x, b.y]);
  }
  return lines;
}
