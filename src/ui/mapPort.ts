// The port through which the interface shows a map: only the composition root (main.ts) knows
// that Phaser draws it.
import type { GameView, Scenario } from '../engine';

export interface MapPort {
  /** Shows this view on the map; returns the map's content as sentences (the text list). */
  show(view: GameView): string[];
  onHover(cb: (text: string | null) => void): void;
  /** What the scene draws now (for tests), or null before it is ready. */
  stats(): { fronts: number; incidents: number; legend: boolean } | null;
  /** Shows or hides the map's legend. */
  setLegend(visible: boolean): void;
  /** The projector's wall: larger labels and no zoom controls. */
  setWall?(on: boolean): void;
  destroy(): void;
}

export type MapFactory = (parent: HTMLElement, scenario: Scenario) => MapPort;
