// The live wall's dashboard lines (README, "Running a tabletop exercise"): an event's first
// sentence, an inject by its title, never more than two lines of the wall's type.
import { describe, expect, it } from 'vitest';
import type { GameEvent } from '../../src/engine';
import { WALL_HEADLINE_CHARS, wallHeadline } from '../../src/ui/projector';

const event = (kind: string, text: string): GameEvent => ({ round: 1, kind, text, audience: 'all' });

describe('the wall’s headlines', () => {
  it('shows an event’s first sentence and an inject’s title', () => {
    expect(wallHeadline(event('span.negated', 'Span negated: Enrichment halt. The window closed unmatched; Iran lost support.'))).toBe(
      'Span negated: Enrichment halt.',
    );
    expect(wallHeadline(event('inject', 'Drone strike on shipping: A drone hits a container ship.'))).toBe(
      'Inject: Drone strike on shipping',
    );
    expect(wallHeadline(event('round', 'Round 2 begins (Ceasefire).'))).toBe('Round 2 begins (Ceasefire).');
  });

  it('cuts a long first sentence at a word, to two lines of the wall’s type', () => {
    const long = event(
      'talk',
      `Iran proposes package #4 to the United States, the Gulf states, Israel and the European Union with six steps.`,
    );
    const line = wallHeadline(long);
    expect(line.length).toBeLessThanOrEqual(WALL_HEADLINE_CHARS);
    expect(line).toMatch(/^Iran proposes package #4 to the United States, .*[a-z,]…$/);
    expect(long.text.startsWith(line.slice(0, -1))).toBe(true);
  });
});
