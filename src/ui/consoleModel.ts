// The console's language model for the room's AI messages: an OpenAI-compatible endpoint, its model
// and key, checked here and again by the server; the key goes to the server and never comes back
// (the console is told only that there is one). Without one the AI answers offline.
import { useEffect, useState } from 'preact/hooks';
import { talkModelInput, type TalkModelInfo, type TalkModelInput } from '../ai/talk/model';
import type { Ack } from '../net/protocol';
import { button, h, valueOf, type VNode } from './dom';

export type TalkModelCall = (set?: TalkModelInput | null) => Promise<Ack<{ model: TalkModelInfo | null; server: boolean }>>;

function describe(model: TalkModelInfo | null, server: boolean): string {
  if (model)
    return `This room: ${model.model} at ${model.url}${model.key ? ', with a key (kept on the server)' : ''}; replies time out after ${model.timeoutSeconds} s.`;
  return server ? 'This room has none: the server’s own model is used.' : 'None: the AI delegations read and answer messages offline.';
}

export function TalkModelPanel({ call }: { call: TalkModelCall }): VNode {
  const [state, setState] = useState<{ model: TalkModelInfo | null; server: boolean } | null>(null);
  const [url, setUrl] = useState('');
  const [model, setModel] = useState('');
  const [key, setKey] = useState('');
  const [timeout, setTimeoutSeconds] = useState('8');
  const [note, setNote] = useState<{ kind: 'error' | 'info'; text: string } | null>(null);
  useEffect(() => {
    void call().then((r) => {
      if (r.ok) setState({ model: r.model, server: r.server });
    });
  }, []);
  const answer = (r: Ack<{ model: TalkModelInfo | null; server: boolean }>, done: string) => {
    if (!r.ok) return setNote({ kind: 'error', text: r.reason });
    setState({ model: r.model, server: r.server });
    setKey('');
    setNote({ kind: 'info', text: done });
  };
  const save = async () => {
    const input = talkModelInput.safeParse({
      url: url.trim(),
      model: model.trim() || 'default',
      ...(key.trim() ? { key: key.trim() } : {}),
      timeoutSeconds: Number(timeout),
    });
    if (!input.success) return setNote({ kind: 'error', text: input.error.issues[0]?.message ?? 'check the settings' });
    answer(await call(input.data), 'Saved: the AI’s next replies in this room go through this model.');
  };
  const field = (id: string, label: string, value: string, set: (v: string) => void, attrs: Record<string, unknown> = {}) =>
    h(
      'div',
      { class: 'field' },
      h('label', { for: id }, label),
      h('input', { id, value, oninput: (e: Event) => set(valueOf(e)), ...attrs }),
    );
  return h(
    'section',
    { class: 'section', 'aria-labelledby': 'talk-model-h' },
    h('h3', { id: 'talk-model-h' }, 'Language model for messages (optional)'),
    h('p', { class: 'small muted', role: 'status' }, state ? describe(state.model, state.server) : 'Asking the server…'),
    field('room-model-url', 'Model server address', url, setUrl, { type: 'url', placeholder: 'http://127.0.0.1:11434' }),
    field('room-model-name', 'Model', model, setModel, { placeholder: 'llama3.2' }),
    field('room-model-key', 'Key (kept on the server)', key, setKey, { type: 'password', autocomplete: 'off' }),
    field('room-model-timeout', 'Time out after (seconds)', timeout, setTimeoutSeconds, { type: 'number', min: 1, max: 60 }),
    h(
      'div',
      { class: 'row' },
      button('Use this model', () => void save(), { class: 'primary' }),
      state?.model ? button('No model', () => void call(null).then((r) => answer(r, 'Removed: the AI answers offline.'))) : null,
    ),
    note ? h('p', { class: `small notice ${note.kind}`, role: note.kind === 'error' ? 'alert' : 'status' }, note.text) : null,
    h(
      'p',
      { class: 'small muted' },
      'The model only words the AI’s decided replies and suggests readings of messages; the game checks both and keeps the offline reply when they do not match. It is kept in the server’s memory: after a restart, set it again.',
    ),
  );
}
