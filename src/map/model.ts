// What the map shows, as plain data in map pixels: fronts, incidents, places, their labels and
// where those labels go. Pure (no Phaser, no DOM): the scene only turns this into pictures, and
// describeMap turns it into the sentences of the text list beside the map. Its parts are modules
// of their own (design, layout, words, baseMap); this one builds the model and re-exports them.
import type { GameView, Scenario } from '../engine';
import { cividis, DESIGN, incidentIconSize, LAYOUT_ZOOM, tensionLevel, type PlaceKind } from './design';
import { aroundFront, aroundMarker, frontLabelSize, place, placeLabelSize, spreadIncidents, type Box } from './layout';
import { pixelsPerKm, project } from './projection';
import type { MapFront, MapIncident, MapModel, MapPlace } from './types';
import { attributionLabel, describeFront, describeIncident, describePlace } from './words';

export * from './design';
export * from './types';
export { labelBox, textWidth, frontLabelSize, placeLabelSize, type Box } from './layout';
export * from './words';
export * from './baseMap';

/** The track whose inspection teams put the nuclear sites under inspection. */
export const NUCLEAR_TRACK = 'nuclear';

/**
 * `layoutZoom`: the zoom at which labels and markers have their design size (LAYOUT_ZOOM on a
 * player's screen; the wall lays out for larger labels, wallLayoutZoom).
 */
/** On the wall, a place's name whose best spot leaves this share of it covered is left off. */
export const WALL_NAME_COVER = 0.1;

export function buildMapModel(scenario: Scenario, view: GameView, layoutZoom = LAYOUT_ZOOM): MapModel {
  const toMap = (designPx: number) => designPx / layoutZoom;
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
    layoutZoom,
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
    const { spot, box } = place(aroundFront(s.x, s.y, s.radius), size.w, size.h, obstacles, layoutZoom);
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
      const { spot, box, covered } = place(aroundMarker(x, y, markerR), size.w, size.h, obstacles, layoutZoom);
      // The wall's large type leaves no room for every name: one a tenth covered or more is left off.
      const hide = covered >= WALL_NAME_COVER && layoutZoom < LAYOUT_ZOOM;
      if (!hide) obstacles.push(box);
      const base = {
        key: `place:${pl.id}`,
        id: pl.id,
        name: pl.name,
        kind: pl.kind,
        x,
        y,
        underInspection: pl.kind === 'site' && inspected,
        label: spot,
        ...(hide ? { nameHidden: true as const } : {}),
      };
      return { ...base, description: describePlace(base) };
    });
  return { round: view.round, fronts, incidents, places, layoutZoom };
}
