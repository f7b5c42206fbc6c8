// What each kind of monitor does, one row per kind: a new kind in the scenario schema is a
// compile error here until its rule is written (it can no longer fall through to observers).
import type { Monitor, Move, Scenario } from './scenario/schema';
import type { GameState } from './types';

export interface MonitorRule {
  /** How players name it ("by the IAEA"). */
  label: string;
  /** Verified the round it is implemented: everyone sees it (no monitor spends capacity on it). */
  verifiedAtOnce: boolean;
  /** A step it verifies must name its front (the monitor works there). */
  needsFront: boolean;
  /** The chance, in percent, of checking a step with no capacity on it. */
  base: (scenario: Scenario) => number;
  /** What each team of capacity on the step adds. */
  perTeam: (scenario: Scenario) => number;
  /** The teams watching this step now. */
  teamsOn: (s: GameState, m: Move) => number;
}

export const MONITOR_RULES: Readonly<Record<Monitor, MonitorRule>> = {
  // Inspectors are allocated per track.
  iaea: {
    label: 'the IAEA',
    verifiedAtOnce: false,
    needsFront: false,
    base: (sc) => sc.monitors.iaeaBase,
    perTeam: (sc) => sc.monitors.iaeaPerTeam,
    teamsOn: (s, m) => s.allocation.inspections[m.track] ?? 0,
  },
  // Observers watch the front the step concerns.
  observers: {
    label: 'observers',
    verifiedAtOnce: false,
    needsFront: true,
    base: (sc) => sc.monitors.observerBase,
    perTeam: (sc) => sc.monitors.observerPerTeam,
    teamsOn: (s, m) => (m.front ? (s.fronts[m.front]?.observers ?? 0) : 0),
  },
  public: {
    label: 'everyone (a public act)',
    verifiedAtOnce: true,
    needsFront: false,
    base: () => 100,
    perTeam: () => 0,
    teamsOn: () => 0,
  },
};

export const monitorOf = (m: Move): MonitorRule => MONITOR_RULES[m.verifiedBy];
