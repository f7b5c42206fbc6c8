// The hook through which a Preact component reads a Zustand store: it redraws the component
// when the selected part of the state changes (by identity), and unsubscribes on unmount.
import { useLayoutEffect, useReducer, useRef } from 'preact/hooks';
import type { StoreApi } from 'zustand/vanilla';

export function useStore<T, S = T>(store: StoreApi<T>, select: (state: T) => S = (s) => s as unknown as S): S {
  const [, redraw] = useReducer((n: number) => n + 1, 0);
  const selected = select(store.getState());
  const latest = useRef({ select, selected });
  latest.current = { select, selected };
  useLayoutEffect(() => {
    const changed = (state: T) => !Object.is(latest.current.select(state), latest.current.selected);
    const unsubscribe = store.subscribe((state) => changed(state) && redraw(0));
    // A change between the render and this effect would otherwise be missed.
    if (changed(store.getState())) redraw(0);
    return unsubscribe;
  }, [store]);
  return selected;
}
