// Seeded randomness (mulberry32). The deal at set-up draws from state.rng in turn; every roll
// during play is keyed (dice): drawn from the seed, the round and what the roll decides, so two
// games from one seed meet the same luck wherever they meet the same situation (rules §11).

/** Advances the generator held in `holder.rng` and returns a float in [0, 1). */
export function nextFloat(holder: { rng: number }): number {
  let t = (holder.rng = (holder.rng + 0x6d2b79f5) | 0);
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

/** True with the given chance, in percent. */
export function chance(holder: { rng: number }, percent: number): boolean {
  return nextFloat(holder) * 100 < percent;
}

/** An integer in [min, max]. */
export function nextInt(holder: { rng: number }, min: number, max: number): number {
  return min + Math.floor(nextFloat(holder) * (max - min + 1));
}

export function pick<T>(holder: { rng: number }, items: readonly T[]): T {
  if (items.length === 0) throw new Error('pick from an empty list');
  return items[Math.floor(nextFloat(holder) * items.length)] as T;
}

/** Mixes a seed and labels into a generator state, for independent streams (e.g. an AI's). */
export function deriveSeed(seed: number, ...labels: Array<string | number>): number {
  return continueSeed((seed ^ 0x9e3779b9) | 0, ...labels);
}

/**
 * Mixes more labels into a derived stream: continueSeed(deriveSeed(seed, a), b) equals
 * deriveSeed(seed, a, b), so a holder of the first can draw the second without the seed.
 */
export function continueSeed(stream: number, ...labels: Array<string | number>): number {
  let h = stream >>> 0;
  for (const label of labels) {
    const s = String(label);
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  }
  return h | 0;
}

/**
 * The generator of one keyed roll: seeded by the game's seed, the round and the labels that name
 * what the roll decides. Draw from it once, with nextFloat, chance, nextInt or pick.
 */
export function dice(s: { readonly seed: number; readonly round: number }, ...labels: Array<string | number>): { rng: number } {
  return { rng: deriveSeed(s.seed, 'dice', s.round, ...labels) };
}
