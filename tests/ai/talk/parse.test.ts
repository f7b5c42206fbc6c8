// The message reader against the corpus of player messages (tests/ai/talk/corpus.ts): it must
// read at least 80% of them as a careful human reader would, and say so when it cannot.
import { describe, expect, it } from 'vitest';
import { parseMessage, type TalkIntent } from '../../../src/ai/talk/parse';
import { SCENARIO } from '../../engine/fixtures';
import { CORPUS, CORPUS_PACKAGES, type Expected } from './corpus';

const packageSteps = (id: number) => CORPUS_PACKAGES[id]?.map(([delegation, move]) => ({ delegation, move }));

/** One canonical line per intent, steps as a sorted set (the order of a package's steps is not what the corpus judges). */
function key(i: Expected | TalkIntent): string {
  if (i.type === 'question') return `question ${i.about}`;
  const steps = 'steps' in i ? (i.steps as Array<[string, string] | { delegation: string; move: string }>) : [];
  const list = steps
    .map((s) => (Array.isArray(s) ? `${s[0]}:${s[1]}` : `${s.delegation}:${s.move}`))
    .sort()
    .join(',');
  return `${i.type} ${'package' in i ? i.package : ''} ${list}`.trim();
}

const read = (m: (typeof CORPUS)[number]) => parseMessage({ scenario: SCENARIO, from: m.from, to: m.to, packageSteps }, m.text);

describe('the message reader', () => {
  it('has a corpus of 60 messages', () => {
    expect(CORPUS).toHaveLength(60);
  });

  it('reads at least 80% of the corpus as a human reader would', () => {
    const wrong: string[] = [];
    for (const m of CORPUS) {
      const got = read(m);
      const ok =
        JSON.stringify(got.intents.map(key).sort()) === JSON.stringify(m.expect.map(key).sort()) && got.understood === m.expect.length > 0;
      if (!ok)
        wrong.push(`${m.text}\n    expected ${JSON.stringify(m.expect.map(key))}\n    got      ${JSON.stringify(got.intents.map(key))}`);
    }
    const rate = (CORPUS.length - wrong.length) / CORPUS.length;
    if (rate < 1) console.info(`message reader: ${Math.round(rate * 100)}% read right; misread:\n  ${wrong.join('\n  ')}`);
    expect(rate).toBeGreaterThanOrEqual(0.8);
  });

  it('says it did not understand, with the closest moves, when nothing in a message is a move, an answer or a question', () => {
    const got = parseMessage({ scenario: SCENARIO, from: 'iran', to: 'usa' }, 'Could you lower the price of oil for our tankers?');
    expect(got.understood).toBe(false);
    expect(got.intents).toEqual([]);
    expect(got.closest.length).toBeGreaterThan(0);
    expect(got.closest).toContain('usa-ease-oil-sanctions');
  });

  it('reads the same text the same way every time, and a typo like the word it misspells', () => {
    const a = parseMessage({ scenario: SCENARIO, from: 'iran', to: 'gulf' }, 'we halt enrichment if you keep your navies back');
    const b = parseMessage({ scenario: SCENARIO, from: 'iran', to: 'gulf' }, 'we halt enrichmnet if you keep your navies back');
    expect(b).toEqual(a);
    expect(parseMessage({ scenario: SCENARIO, from: 'iran', to: 'gulf' }, 'we halt enrichment if you keep your navies back')).toEqual(a);
  });

  it('never fails on odd input', () => {
    for (const text of [
      '',
      '????',
      '#',
      'package',
      'package 99999999999999',
      '1 2 3',
      'a'.repeat(5000),
      '\u0000\u202e',
      'we we we you you',
    ])
      expect(() => parseMessage({ scenario: SCENARIO, from: 'iran', to: 'usa' }, text)).not.toThrow();
  });
});
