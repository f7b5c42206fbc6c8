// The solo player's optional language model for the AI's messages: an OpenAI-compatible endpoint
// kept in this browser only (its key too), read when a local game starts. Empty: offline only.
import { useState } from 'preact/hooks';
import { modelSettings, talkModelInput, type ModelSettings } from '../ai/talk/model';
import { button, h, valueOf, type VNode } from './dom';

export const TALK_MODEL_KEY = 'interlock.talkModel';

/** What the player typed, checked by the same schema as a room's settings: the settings, or the reason in words. */
export function checkTalkModel(
  url: string,
  model: string,
  key: string,
): { ok: true; settings: ModelSettings } | { ok: false; reason: string } {
  const r = talkModelInput.safeParse({ url: url.trim(), model: model.trim() || 'default', ...(key.trim() ? { key: key.trim() } : {}) });
  return r.success
    ? { ok: true, settings: modelSettings(r.data) }
    : { ok: false, reason: r.error.issues[0]?.message ?? 'check the settings' };
}

/** The settings this browser keeps, or null (none, or ones the schema refuses). */
export function loadTalkModel(storage: Storage | null = globalThis.localStorage ?? null): ModelSettings | null {
  try {
    const raw = JSON.parse(storage?.getItem(TALK_MODEL_KEY) ?? 'null') as Partial<Record<'url' | 'model' | 'key', unknown>> | null;
    if (!raw || typeof raw.url !== 'string') return null;
    const r = checkTalkModel(raw.url, typeof raw.model === 'string' ? raw.model : '', typeof raw.key === 'string' ? raw.key : '');
    return r.ok ? r.settings : null;
  } catch {
    return null;
  }
}

export function TalkModelSettings(): VNode {
  const saved = loadTalkModel();
  const [url, setUrl] = useState(saved?.url ?? '');
  const [model, setModel] = useState(saved?.model ?? '');
  const [key, setKey] = useState(saved?.key ?? '');
  const [note, setNote] = useState('');
  const save = () => {
    if (!url.trim()) {
      localStorage.removeItem(TALK_MODEL_KEY);
      setNote('No model: the AI reads and answers messages offline.');
      return;
    }
    const checked = checkTalkModel(url, model, key);
    if (!checked.ok) {
      setNote(`Not saved: ${checked.reason}.`);
      return;
    }
    localStorage.setItem(TALK_MODEL_KEY, JSON.stringify({ url: url.trim(), model: model.trim(), key: key.trim() }));
    setNote('Saved in this browser; used from the next game you start.');
  };
  const input = (id: string, label: string, value: string, set: (v: string) => void, type = 'text') =>
    h('div', { class: 'field' }, h('label', { for: id }, label), h('input', { id, type, value, oninput: (e: Event) => set(valueOf(e)) }));
  return h(
    'details',
    { class: 'small talkmodel' },
    h('summary', {}, 'Language model for messages (optional)'),
    h(
      'p',
      { class: 'muted' },
      'An OpenAI-compatible server (Ollama, llama.cpp, vLLM) may word the AI delegations’ replies and read messages the game cannot. The AI still decides; anything the model says that does not match is replaced by the offline reply. The server must allow this page (CORS).',
    ),
    input('talk-model-url', 'Server address', url, setUrl),
    input('talk-model-name', 'Model', model, setModel),
    input('talk-model-key', 'Key (kept in this browser)', key, setKey, 'password'),
    button('Save model settings', save),
    note ? h('p', { role: 'status', class: 'small' }, note) : null,
  );
}
