// The map model's shapes: what the scene draws and the text list reads, in map pixels.
import type { IncidentKind, LabelSpot, PlaceKind, TensionLevel } from './design';

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
  /** On the wall, a name that found no spot clear of the others is left off (its marker stays). */
  nameHidden?: true;
  description: string;
}

export interface MapModel {
  round: number;
  /** The zoom the labels were laid out for: at it, a design pixel is a screen pixel. */
  layoutZoom: number;
  fronts: MapFront[];
  incidents: MapIncident[];
  places: MapPlace[];
}
