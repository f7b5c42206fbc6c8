// The static map: the region's geometry asset, the graticule, and country and sea names.
import { project } from './projection';

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
