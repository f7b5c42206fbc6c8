// The glossary entries a move's own words call for (its tags, or a name that uses a term), so a
// move list can offer the explanation beside the move.
import type { Move } from '../engine';
import type { VNode } from './dom';
import { term } from './glossary';
import type { TermKey } from './glossaryText';

const BY_TAG: Partial<Record<string, TermKey>> = { snapback: 'snapback', 'stop-loss': 'stopLoss', codify: 'codify', council: 'council' };
const BY_NAME: Array<[RegExp, TermKey]> = [
  [/additional protocol/i, 'additionalProtocol'],
  [/escrow/i, 'escrow'],
  [/calendar/i, 'bridge'],
];

export function moveTermKeys(m: Pick<Move, 'tags' | 'name' | 'kind'>): TermKey[] {
  const keys = new Set<TermKey>();
  for (const tag of m.tags) {
    const k = BY_TAG[tag];
    if (k) keys.add(k);
  }
  for (const [re, k] of BY_NAME) if (re.test(m.name)) keys.add(k);
  if (m.kind === 'pledge') keys.add('pledge');
  return [...keys];
}

/** "What is …?" links beside a move, one per term it uses. */
export function moveTerms(m: Pick<Move, 'tags' | 'name' | 'kind'>): VNode[] {
  return moveTermKeys(m).map((k) => term(k));
}
