// The map in the middle of the game screen: the canvas the map port draws into (Preact never
// touches its children), the legend and map-as-text buttons, the hover tip and the text list.
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { GameView, Scenario } from '../engine';
import { button, h, type VNode } from './dom';
import type { MapFactory, MapPort } from './mapPort';

export interface MapPanelProps {
  sc: Scenario;
  /** The view to draw; null keeps what is drawn (behind the hot-seat hand-over). */
  view: GameView | null;
  factory: MapFactory;
  asText: boolean;
  toggleText(): void;
  /** Told of the map port and of its text lines (for the page's test hooks). */
  attach(port: MapPort | null): void;
  lines(lines: string[]): void;
  /** On the projector's wall: no legend over the map (its controls are hidden too). */
  wall?: boolean;
}

const TIP = 'Hover or focus a front or an incident for details.';

/** The map's own keys pan and zoom it (the scene reads them); they must not also scroll the page. */
const MAP_KEYS = new Set(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', '+', '-', '=', '0', ' ', 'PageUp', 'PageDown', 'Home', 'End']);
const keepPageStill = (e: KeyboardEvent) => {
  if (MAP_KEYS.has(e.key) && !e.altKey && !e.ctrlKey && !e.metaKey) e.preventDefault();
};

/** The map's canvas host: one focusable, named widget whose keys stay with it. */
export const mapHostAttrs = {
  tabindex: 0,
  role: 'application',
  'aria-label': 'Map: arrow keys pan, + and − zoom, 0 fits the whole region',
  onkeydown: keepPageStill,
};

export function MapPanel({ sc, view, factory, asText, toggleText, attach, lines, wall = false }: MapPanelProps): VNode {
  const host = useRef<HTMLDivElement>(null);
  const port = useRef<MapPort | null>(null);
  const [tip, setTip] = useState(`${TIP} Drag to pan, wheel or +/− to zoom.`);
  const [legend, setLegend] = useState(false);
  const [text, setText] = useState<string[]>([]);
  useLayoutEffect(() => {
    const el = host.current;
    if (!el) return;
    const map = factory(el, sc);
    port.current = map;
    attach(map);
    map.onHover((t) => setTip(t ?? TIP));
    // The legend starts folded away on a small map (a projector at 1280×720), where it would
    // cover a third of the region; one button shows it.
    const shown = !wall && el.clientWidth >= 800 && el.clientHeight >= 560;
    setLegend(shown);
    map.setLegend(shown);
    if (wall) map.setWall?.(true);
    return () => {
      map.destroy();
      port.current = null;
      attach(null);
    };
    // A room may send the scenario again (a reconnection): the same scenario keeps its map.
  }, [factory, sc.id]);
  useEffect(() => {
    if (!view || !port.current) return;
    const l = port.current.show(view);
    setText(l);
    lines(l);
  }, [view, factory, sc.id]);
  const toggleLegend = () => {
    setLegend(!legend);
    port.current?.setLegend(!legend);
  };
  return h(
    'main',
    { class: 'mapwrap', 'aria-label': 'Map of the region' },
    h('div', {
      class: 'mapcanvas',
      ref: host,
      ...mapHostAttrs,
      'aria-describedby': 'map-tip',
    }),
    h(
      'div',
      { class: 'maptools' },
      button('Map as text', toggleText, { 'aria-expanded': String(asText), ...(asText ? { 'aria-controls': 'map-text' } : {}) }),
      button('Legend', toggleLegend, { 'aria-pressed': String(legend) }),
    ),
    h('div', { class: 'maptip small', id: 'map-tip', 'aria-live': 'polite' }, tip),
    h(
      'div',
      {},
      asText
        ? h(
            'div',
            { class: 'maptext', id: 'map-text', role: 'region', tabindex: 0, 'aria-label': 'Everything on the map, as text' },
            h('h2', {}, 'The map as text'),
            h('ul', {}, ...text.map((l, i) => h('li', { key: i }, l))),
          )
        : null,
    ),
  );
}
