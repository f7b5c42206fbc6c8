// The solo player's language model settings (README, "Talking to AI delegations"): kept in this
// browser only, checked by the same schema as a room's; a bad address is refused in words and
// never loaded, so a game starts offline instead.
import { describe, expect, it } from 'vitest';
import { checkTalkModel, loadTalkModel, TALK_MODEL_KEY } from '../../src/ui/talkModelSettings';

function storage(value: unknown): Storage {
  const map = new Map<string, string>([[TALK_MODEL_KEY, JSON.stringify(value)]]);
  return {
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => void map.set(k, v),
    removeItem: (k: string) => void map.delete(k),
    clear: () => map.clear(),
    key: () => null,
    length: map.size,
  };
}

describe('the solo player’s model settings', () => {
  it('accept an http(s) address with a model and a key, kept as typed (trimmed)', () => {
    expect(checkTalkModel(' http://127.0.0.1:11434 ', 'llama3.2', ' k1 ')).toEqual({
      ok: true,
      settings: { url: 'http://127.0.0.1:11434', model: 'llama3.2', key: 'k1' },
    });
    expect(loadTalkModel(storage({ url: 'https://models.example/v1', model: '', key: '' }))).toEqual({
      url: 'https://models.example/v1',
      model: 'default',
    });
  });

  it('refuse a bad address in words, and a stored bad one leaves the game offline', () => {
    for (const url of ['ftp://127.0.0.1', 'localhost:11434', 'http://me:pw@127.0.0.1:11434', '']) {
      const r = checkTalkModel(url, 'm', '');
      expect(r).toMatchObject({ ok: false, reason: expect.stringContaining('http:// or https://') });
    }
    expect(loadTalkModel(storage({ url: 'javascript:alert(1)', model: 'm' }))).toBeNull();
    expect(loadTalkModel(storage(null))).toBeNull();
    expect(loadTalkModel(storage('not an object'))).toBeNull();
  });
});
