// Label and marker layout in map pixels at LAYOUT_ZOOM: candidate spots around markers and
// fronts, the least-overlapping choice, and incidents spread around their front. Pure.
import { DESIGN, LAYOUT_ZOOM, type LabelSpot } from './design';
import { MAP_SIZE } from './projection';

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Design pixels to map pixels at the layout's zoom (LAYOUT_ZOOM; the wall's is smaller: larger labels). */
export const toMap = (designPx: number, layoutZoom = LAYOUT_ZOOM) => designPx / layoutZoom;

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
export function labelBox(spot: LabelSpot, w: number, h: number, layoutZoom = LAYOUT_ZOOM): Box {
  return {
    x: spot.x + toMap(spot.dx - spot.originX * w, layoutZoom),
    y: spot.y + toMap(spot.dy - spot.originY * h, layoutZoom),
    w: toMap(w, layoutZoom),
    h: toMap(h, layoutZoom),
  };
}

/** The first candidate that overlaps nothing, else the one that overlaps least (`covered`: the share of its box it overlaps). */
export function place(
  candidates: LabelSpot[],
  w: number,
  h: number,
  obstacles: Box[],
  layoutZoom = LAYOUT_ZOOM,
): { spot: LabelSpot; box: Box; covered: number } {
  let best: { spot: LabelSpot; box: Box; cost: number } | null = null;
  for (const spot of candidates) {
    const box = labelBox(spot, w, h, layoutZoom);
    let cost = outside(box) * 4;
    for (const o of obstacles) cost += overlap(box, o);
    if (cost === 0) return { spot, box, covered: 0 };
    if (!best || cost < best.cost) best = { spot, box, cost };
  }
  if (!best) throw new Error('no label candidates');
  // What share of the label's own box the best spot leaves covered (by obstacles or the map's edge).
  return { spot: best.spot, box: best.box, covered: best.cost / (best.box.w * best.box.h) };
}

/** Eight spots around a point marker of the given radius (design px), best first. */
export function aroundMarker(x: number, y: number, r: number): LabelSpot[] {
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
export function aroundFront(x: number, y: number, radius: number): LabelSpot[] {
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
export function spreadIncidents(
  items: Array<{ id: number; cx: number; cy: number; size: number }>,
  keepOut: Array<{ x: number; y: number; r: number }>,
  layoutZoom = LAYOUT_ZOOM,
) {
  const placed: Array<{ x: number; y: number; size: number }> = [];
  const gap = toMap(DESIGN.gap, layoutZoom);
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
