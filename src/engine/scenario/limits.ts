// The bounds of an effects block, shared by the scenario schema (zod, at the file boundary) and by
// the engine's own check of an inject written on the spot (which must not need zod: the AI worker
// bundles the engine and should stay small).

/** Single values: [min, max], integers. */
export const EFFECT_VALUE_LIMITS = {
  tension: [-100, 100],
  trust: [-100, 100],
  escrow: [0, 500],
  attribution: [0, 60],
} as const;

/** Per-id records: [min, max] of each value, integers. */
export const EFFECT_RECORD_LIMITS = {
  fronts: [-100, 100],
  support: [-100, 100],
  funding: [-100, 100],
  verification: [0, 60],
  patrols: [0, 5],
} as const;

const inRange = (v: unknown, [lo, hi]: readonly [number, number]) => Number.isInteger(v) && (v as number) >= lo && (v as number) <= hi;

/** The first way `e` breaks the limits of an effects block, or null when it keeps them. */
export function effectsProblem(e: unknown): string | null {
  if (typeof e !== 'object' || e === null || Array.isArray(e)) return 'effects: expected an object';
  for (const [key, value] of Object.entries(e)) {
    if (value === undefined) continue;
    if (key in EFFECT_VALUE_LIMITS) {
      const lim = EFFECT_VALUE_LIMITS[key as keyof typeof EFFECT_VALUE_LIMITS];
      if (!inRange(value, lim)) return `${key}: expected an integer from ${lim[0]} to ${lim[1]}`;
    } else if (key in EFFECT_RECORD_LIMITS) {
      const lim = EFFECT_RECORD_LIMITS[key as keyof typeof EFFECT_RECORD_LIMITS];
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return `${key}: expected an object of ids`;
      for (const [id, v] of Object.entries(value))
        if (!inRange(v, lim)) return `${key}.${id}: expected an integer from ${lim[0]} to ${lim[1]}`;
    } else return `${key}: not an effect`;
  }
  return null;
}
