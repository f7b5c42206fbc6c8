// Hyperscript over Preact: the interface is built with `h(tag, attrs, ...children)` as before,
// but Preact reconciles each update into the page (keyed where lists change), so typed text,
// selections, focus, open details and scroll positions survive every redraw.
import { createElement, type ComponentChildren, type ComponentType, type VNode } from 'preact';

export type { ComponentChildren, VNode };

type Handler = (e: Event) => void;
/** Attributes and properties of an element (`class`, `for`, `aria-*`, `on*` handlers, `key`, `ref`). */
export type Attrs = Record<string, string | number | boolean | null | undefined | Handler | object>;

export function h(tag: string, attrs?: Attrs | null, ...children: ComponentChildren[]): VNode;
export function h<P extends object>(tag: ComponentType<P>, props: P & { key?: string | number }, ...children: ComponentChildren[]): VNode;
export function h(tag: string | ComponentType<object>, attrs?: object | null, ...children: ComponentChildren[]): VNode {
  return createElement(tag as string, (attrs ?? {}) as Record<string, unknown>, ...children);
}

export function button(label: ComponentChildren, onClick: () => void, attrs: Attrs = {}): VNode {
  return h('button', { type: 'button', ...attrs, onclick: () => onClick() }, label);
}

/** The value of the control an input or change event came from. */
export const valueOf = (e: Event): string => (e.currentTarget as HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement).value;
export const checkedOf = (e: Event): boolean => (e.currentTarget as HTMLInputElement).checked;
