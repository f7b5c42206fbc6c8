// A form's unfinished values in component state: each field binds its control's id, value and
// input handler, so a redraw while someone types leaves the text, caret and choice alone.
import { useState } from 'preact/hooks';
import { valueOf } from './dom';

export function useForm<T extends Record<string, string>>(initial: T) {
  const [values, setValues] = useState(initial);
  const set = (name: keyof T, value: string) => setValues((v) => ({ ...v, [name]: value }));
  const field = (name: keyof T & string) => ({ id: name, value: values[name], oninput: (e: Event) => set(name, valueOf(e)) });
  return { values, field, set };
}

/** A number typed in a field, or null when it is empty or not a number. */
export const numberIn = (text: string): number | null => {
  const n = Number(text);
  return text.trim() === '' || !Number.isFinite(n) ? null : n;
};
