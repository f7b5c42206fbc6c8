// The map's look as plain numbers: the layout zoom, type and marker sizes, tension levels and
// their colour scale. Pure; the scene and the layout share these.
import type { Incident, Scenario } from '../engine';
import { MAP_SIZE } from './projection';

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

/**
 * The wall's reading rule (README, "Running a tabletop exercise"): a character at least 1/200 of
 * the viewing distance tall, 5 cm at 10 m; on a 3 m wide image of 1920 px that is 32 px, 1/60 of
 * the image's width at any resolution.
 */
export const WALL_TEXT_FRACTION = 1 / 60;

/** The smallest label the map draws, in design pixels (a front's detail line, a place's name). */
export const SMALLEST_LABEL = Math.min(DESIGN.frontDetail, DESIGN.placeLabel);

/**
 * The wall's layout zoom: the map fitted into a `width`×`height` canvas (1600×1300 map pixels)
 * draws its smallest label `minTextPx` tall, and the labels are laid out for that size.
 */
export function wallLayoutZoom(width: number, height: number, minTextPx: number): number {
  const fit = Math.min(width / MAP_SIZE.width, height / MAP_SIZE.height);
  return Math.min(LAYOUT_ZOOM, (fit * SMALLEST_LABEL) / minTextPx);
}

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
