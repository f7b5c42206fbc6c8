// The state hash is the hash of the canonical JSON text, computed without building that text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, hashString, hashValue } from '../../src/engine/hash';

describe('hashValue', () => {
  it('equals the hash of canonicalJson for any JSON value, escapes and odd characters included', () => {
    const text = fc.oneof(
      fc.string(),
      fc.string({ unit: 'binary' }),
      fc.constantFrom('"', '\\', '\n', '\u0000', '\ud800', 'a\udc00b', '\u2028', 'é"x'),
    );
    const value = fc.letrec((tie) => ({
      any: fc.oneof(
        { depthSize: 'small' },
        text,
        fc.double(),
        fc.integer(),
        fc.boolean(),
        fc.constant(null),
        fc.array(tie('any')),
        fc.dictionary(text, fc.oneof(tie('any'), fc.constant(undefined))),
      ),
    })).any;
    fc.assert(
      fc.property(value, (v) => {
        expect(hashValue(v)).toBe(hashString(canonicalJson(v)));
      }),
      { numRuns: 2000 },
    );
  });

  it('changes with any character of the text', () => {
    expect(hashValue({ move: 'iran-halt-enrichment' })).not.toBe(hashValue({ move: 'iran-halt-enrichmenu' }));
    expect(hashValue(['a"b'])).toBe(hashString('["a\\"b"]'));
  });
});
