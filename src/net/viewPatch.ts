// Views travel whole once, then as patches: the top-level parts that changed, and for lists that
// only grew (the round log, the history) just the new items. The engine copies a state on write,
// so an unchanged part is the very same object and the comparison is by identity, not by value.
import type { GameView } from '../engine';

export interface ViewPatch {
  /** The sequence number of the view this patch applies to, and of the view it gives. */
  from: number;
  to: number;
  set: Record<string, unknown>;
  append: Record<string, unknown[]>;
}

const isPlain = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function sameEntries(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  for (const k of ka) if (a[k] !== b[k]) return false;
  return true;
}

export function diffView(prev: GameView, next: GameView): Pick<ViewPatch, 'set' | 'append'> {
  const set: Record<string, unknown> = {};
  const append: Record<string, unknown[]> = {};
  const p = prev as unknown as Record<string, unknown>;
  const n = next as unknown as Record<string, unknown>;
  for (const k of Object.keys(n)) {
    const a = p[k];
    const b = n[k];
    if (a === b) continue;
    if (Array.isArray(a) && Array.isArray(b)) {
      let prefix = a.length <= b.length;
      for (let i = 0; prefix && i < a.length; i++) if (a[i] !== b[i]) prefix = false;
      if (prefix) {
        if (b.length > a.length) append[k] = b.slice(a.length);
        continue;
      }
    } else if (isPlain(a) && isPlain(b) && sameEntries(a, b)) continue;
    set[k] = b;
  }
  return { set, append };
}

export function applyPatch(view: GameView, patch: Pick<ViewPatch, 'set' | 'append'>): GameView {
  const out = { ...view, ...patch.set } as unknown as Record<string, unknown>;
  for (const [k, items] of Object.entries(patch.append)) out[k] = [...((out[k] as unknown[] | undefined) ?? []), ...items];
  return out as unknown as GameView;
}
