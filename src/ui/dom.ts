// A few helpers to build the interface from plain DOM, with accessible names on every control.
type Child = Node | string | null | undefined | false;
type Attrs = Record<string, string | number | boolean | null | undefined | ((e: Event) => void)>;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (typeof v === 'function') el.addEventListener(k.replace(/^on/, '').toLowerCase(), v);
    else if (k === 'class') el.className = String(v);
    else if (v === true) el.setAttribute(k, '');
    else el.setAttribute(k, String(v));
  }
  for (const c of children) if (c !== null && c !== undefined && c !== false) el.append(c);
  return el;
}

type Field = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

/**
 * Replaces the children of `host`, keeping focus on the control with the same data-key, and what
 * the person typed or chose in controls marked data-keep (by id): a panel redrawn because the
 * game moved on does not wipe a half-written message or inject.
 */
export function render(host: HTMLElement, ...children: Child[]) {
  const active = document.activeElement as HTMLElement | null;
  const key = active && host.contains(active) ? active.dataset.key : undefined;
  const kept = new Map<string, { value: string; checked: boolean }>();
  for (const el of host.querySelectorAll<Field>('[data-keep][id]')) kept.set(el.id, { value: el.value, checked: 'checked' in el ? el.checked : false });
  host.replaceChildren(...children.filter((c): c is Node | string => c !== null && c !== undefined && c !== false));
  for (const el of host.querySelectorAll<Field>('[data-keep][id]')) {
    const k = kept.get(el.id);
    if (!k) continue;
    if (el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio')) el.checked = k.checked;
    else if (!(el instanceof HTMLSelectElement) || [...el.options].some((o) => o.value === k.value)) el.value = k.value;
  }
  if (key) host.querySelector<HTMLElement>(`[data-key="${CSS.escape(key)}"]`)?.focus();
}

/** Attributes of a control whose content survives redraws (see render). */
export const kept = (id: string) => ({ id, 'data-keep': true, 'data-key': id });

export function button(label: string, onClick: () => void, attrs: Attrs = {}): HTMLButtonElement {
  return h('button', { type: 'button', ...attrs, onclick: () => onClick() }, label);
}
