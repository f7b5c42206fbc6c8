// The map of fronts, incidents, observers and patrols. It draws a MapModel (src/map/model.ts) and
// nothing else: no game state, no rules. The land is baked once into a texture; the dynamic layer
// is a few dozen textured images and texts, re-laid out only when a new model arrives.
import * as Phaser from 'phaser';
// The map's geometry is data, fetched by Phaser's loader (it is not bundled into the JavaScript).
import regionUrl from '../../assets/map/region.json?url';
import { MapCameraControl } from './mapCamera';
import { FONT, ICON_BOX, INK, SEA_CSS, drawLegend } from './mapArt';
import {
  ATLAS,
  FOCUS_RING_R,
  HALO_ARCS,
  HALO_CELL,
  HALO_R,
  ICON_RES,
  LABEL_RES,
  ZONE_RES,
  bakeBaseMap,
  bakeFrontCard,
  bakeIconAtlas,
  bakeZone,
} from './mapTextures';
import {
  DESIGN,
  LAYOUT_ZOOM,
  SMALLEST_LABEL,
  incidentIconSize,
  type LabelSpot,
  type MapFront,
  type MapIncident,
  type MapModel,
  type MapPlace,
  type RegionAsset,
} from '../map/model';

const SEA = 0x0a1722;
const FOCUS = 0xffd166;
/** One pulse of a new incident's halo: it grows (a sine ease-out) by up to PULSE_GROWTH and fades out. */
const PULSE_MS = 1700;
const PULSE_GROWTH = 0.8;
const PULSE_ALPHA = 0.8;
/**
 * The eased progress at which the halo has faded out; it is then hidden until the next pulse. Its
 * widest, faintest stretch is the costliest to draw (the quad grows with the square of its size).
 */
const PULSE_FADED = 0.8;
/** A halo that does not pulse (last round's incidents, or reduced motion). */
const STILL_HALO_ALPHA = 0.55;

export interface MapStats {
  fronts: number;
  incidents: number;
  places: number;
  fps: number;
  /** Whether the legend is shown. */
  legend: boolean;
  /** The smallest label's type size on screen, in CSS pixels (a front's detail line, a place's name). */
  labelPx: number;
}

export type HoverListener = (text: string | null) => void;

interface FrontView {
  zone: Phaser.GameObjects.Image;
  label: Phaser.GameObjects.Image;
  labelKey: string;
  /** What the baked label shows, to skip re-baking an unchanged one. */
  signature: string;
}

interface IncidentView {
  box: Phaser.GameObjects.Container;
  icon: Phaser.GameObjects.Image;
  /** A ring of HALO_ARCS arcs, at scale 1 when at rest. */
  halo: Phaser.GameObjects.Container | null;
  /** Where this halo is in the shared pulse (ms), so that neighbours do not pulse in step. */
  phase: number;
  attributed: boolean;
}

interface PlaceView {
  box: Phaser.GameObjects.Container;
  ring: Phaser.GameObjects.Image | null;
  text: Phaser.GameObjects.Text;
}

export class MapScene extends Phaser.Scene {
  private reducedMotion: boolean;
  private readonly onReady: (scene: MapScene) => void;
  private model: MapModel | null = null;
  private hud!: Phaser.Cameras.Scene2D.Camera;
  private hudItems: Phaser.GameObjects.GameObject[] = [];
  private fronts = new Map<string, FrontView>();
  private incidents = new Map<number, IncidentView>();
  /** The halos that pulse, all driven by one clock in update(): no tween per incident. */
  private pulsing: IncidentView[] = [];
  private places = new Map<string, PlaceView>();
  private highlightRing!: Phaser.GameObjects.Image;
  private highlighted: string | null = null;
  private listeners = new Set<HoverListener>();
  private view!: MapCameraControl;
  private uiScale = 1;
  /** On the projector's wall: labels at the size the wall's model was laid out for (wallLayoutZoom), no zoom buttons. */
  private wall = false;
  private legendVisible = true;
  private appliedScale = { zoom: 0, ui: 0 };
  private labelVersion = 0;

  constructor(options: { reducedMotion: boolean; onReady: (scene: MapScene) => void }) {
    super({ key: 'map' });
    this.reducedMotion = options.reducedMotion;
    this.onReady = options.onReady;
  }

  // ---- public surface -----------------------------------------------------------------------

  /** Draws a new model: fronts and places are updated in place, new incidents arrive. */
  setModel(model: MapModel): void {
    this.model = model;
    if (!this.sys.isActive()) return;
    this.drawFronts(model.fronts);
    this.drawPlaces(model.places);
    this.drawIncidents(model.incidents, model.round);
    this.appliedScale = { zoom: 0, ui: 0 };
    this.applyMarkerScale();
    this.drawHighlight();
  }

  /** Hover and focus details (the description of what is under the pointer, or null). */
  onHover(cb: HoverListener): () => void {
    this.listeners.add(cb);
    return () => this.listeners.delete(cb);
  }

  /** Rings an item (a `key` of the model: "front:…", "incident:…", "place:…"), and brings it into view. */
  highlight(key: string | null): void {
    this.highlighted = key;
    this.drawHighlight();
    const item = key ? this.find(key) : null;
    if (item) this.view.bringIntoView(item.x, item.y);
  }

  /** Shows or hides the legend (on a small map it covers a third of the region). */
  setLegendVisible(visible: boolean): void {
    this.legendVisible = visible;
    const legend = this.hudItems.find((o) => o.name === 'legend');
    if (legend instanceof Phaser.GameObjects.Image) legend.setVisible(visible);
  }

  /** The projector's wall: larger labels, and no zoom buttons (nobody clicks a wall). */
  setWall(on: boolean): void {
    this.wall = on;
    for (const name of ['zoom-in', 'zoom-out', 'zoom-fit']) {
      const b = this.hudItems.find((o) => o.name === name);
      if (b instanceof Phaser.GameObjects.Text) b.setVisible(!on).disableInteractive();
    }
    this.appliedScale = { zoom: -1, ui: -1 };
    this.applyMarkerScale();
  }

  setReducedMotion(reduced: boolean): void {
    this.reducedMotion = reduced;
    if (this.model) this.setModel(this.model);
  }

  stats(): MapStats {
    return {
      fronts: this.fronts.size,
      incidents: this.incidents.size,
      places: this.places.size,
      fps: Math.round(this.game.loop.actualFps * 10) / 10,
      legend: this.legendVisible,
      labelPx: Math.round(SMALLEST_LABEL * this.markerScale() * this.cameras.main.zoom * 100) / 100,
    };
  }

  // ---- scene lifecycle ----------------------------------------------------------------------

  preload(): void {
    this.load.json('region', regionUrl);
  }

  create(): void {
    bakeBaseMap(this, this.cache.json.get('region') as RegionAsset);
    bakeIconAtlas(this);
    this.hud = this.cameras.add(0, 0, this.scale.width, this.scale.height).setName('hud');
    this.hud.ignore(this.children.list.slice());
    this.highlightRing = this.track(this.add.image(0, 0, ATLAS, 'focus-ring').setTint(FOCUS).setDepth(60).setVisible(false));
    this.buildHud();

    this.view = new MapCameraControl(this, (over) => over.some((o) => this.hudItems.includes(o)));
    this.input.on('gameout', this.onGameOut, this);
    this.scale.on('resize', this.onResize, this);
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, this.teardown, this);
    this.events.once(Phaser.Scenes.Events.DESTROY, this.teardown, this);

    this.onResize();
    this.view.fit();
    if (this.model) this.setModel(this.model);
    this.onReady(this);
  }

  override update(time: number, delta: number): void {
    this.view.update(delta);
    this.applyMarkerScale();
    this.pulse(time);
  }

  private teardown(): void {
    this.listeners.clear();
    this.scale.off('resize', this.onResize, this);
    this.input.off('gameout', this.onGameOut, this);
    this.view.destroy();
  }

  private onGameOut(): void {
    this.hover(null);
  }

  private emit(text: string | null): void {
    for (const cb of this.listeners) cb(text);
  }

  /** Map objects are drawn by the main camera only; the HUD camera draws the legend. */
  private track<T extends Phaser.GameObjects.GameObject>(obj: T): T {
    this.hud.ignore(obj);
    return obj;
  }

  /** An atlas icon, `designSize` design pixels wide. */
  private icon(x: number, y: number, frame: string, designSize: number): Phaser.GameObjects.Image {
    const texels = this.textures.getFrame(ATLAS, frame)?.realWidth ?? 1;
    return this.add.image(x, y, ATLAS, frame).setScale(designSize / texels);
  }

  // ---- the dynamic layer ---------------------------------------------------------------------

  private drawFronts(list: readonly MapFront[]): void {
    const seen = new Set<string>();
    // Larger zones below smaller ones, so a small zone inside a large one can still be hovered.
    const sorted = [...list].sort((a, b) => b.radius - a.radius);
    sorted.forEach((f, i) => {
      seen.add(f.id);
      const zoneKey = bakeZone(this, f.radius);
      let v = this.fronts.get(f.id);
      if (!v) {
        const zone = this.track(this.add.image(f.x, f.y, zoneKey));
        const label = this.track(this.add.image(0, 0, '__DEFAULT'));
        v = { zone, label, labelKey: '', signature: '' };
        this.fronts.set(f.id, v);
        for (const obj of [zone, label]) {
          obj.on('pointerover', () => this.hover(`front:${f.id}`));
          obj.on('pointerout', () => this.hover(null));
        }
      }
      const half = this.textures.getFrame(zoneKey)?.width ?? 2;
      v.zone
        .setTexture(zoneKey)
        .setPosition(f.x, f.y)
        .setScale(1 / ZONE_RES)
        .setTint(f.fill)
        .setDepth(10 + i);
      setHitArea(v.zone, new Phaser.Geom.Circle(half / 2, half / 2, f.radius * ZONE_RES), Phaser.Geom.Circle.Contains);
      this.bakeFrontLabel(v, f);
    });
    for (const [id, v] of this.fronts) {
      if (seen.has(id)) continue;
      v.zone.destroy();
      v.label.destroy();
      if (this.textures.exists(v.labelKey)) this.textures.remove(v.labelKey);
      this.fronts.delete(id);
    }
  }

  /** The front's label card (name, tension and level, observer and patrol badges), baked as one image. */
  private bakeFrontLabel(v: FrontView, f: MapFront): void {
    const signature = JSON.stringify([f.name, f.detail, f.fill, f.observers, f.patrols, f.label]);
    if (signature === v.signature && this.textures.exists(v.labelKey)) return;
    v.signature = signature;
    const key = `front-label-${f.id}-${++this.labelVersion}`;
    const size = bakeFrontCard(this, key, f);
    if (!size) return;

    const old = v.labelKey;
    v.labelKey = key;
    v.label
      .setTexture(key)
      .setOrigin(f.label.originX, f.label.originY)
      .setData('anchor', { x: f.label.x, y: f.label.y })
      .setData('offset', { dx: f.label.dx, dy: f.label.dy })
      .setDepth(50);
    setHitArea(v.label, new Phaser.Geom.Rectangle(0, 0, size.width, size.height), Phaser.Geom.Rectangle.Contains);
    if (old && this.textures.exists(old)) this.textures.remove(old);
  }

  private drawPlaces(list: readonly MapPlace[]): void {
    const seen = new Set<string>();
    for (const p of list) {
      seen.add(p.id);
      let v = this.places.get(p.id);
      if (!v) {
        const box = this.track(this.add.container(p.x, p.y).setDepth(45));
        const key = p.kind === 'site' ? 'site' : p.kind === 'strait' ? 'strait' : p.kind === 'capital' ? 'capital' : 'city';
        const marker = this.icon(0, 0, key, p.kind === 'site' ? 18 : p.kind === 'strait' ? 16 : p.kind === 'capital' ? 12 : 8);
        const style =
          p.kind === 'strait'
            ? textStyle(DESIGN.placeLabel, '#9fd0f2', 'italic bold')
            : p.kind === 'site'
              ? textStyle(DESIGN.placeLabel, '#f0d98a', 'bold')
              : textStyle(DESIGN.placeLabel, '#dce5ee', 'bold');
        const text = this.add.text(0, 0, p.name, style);
        box.add([marker, text]);
        marker.setInteractive();
        marker.on('pointerover', () => this.hover(`place:${p.id}`));
        marker.on('pointerout', () => this.hover(null));
        v = { box, ring: null, text };
        this.places.set(p.id, v);
      }
      v.box.setPosition(p.x, p.y);
      placeText(v.text, p.label);
      v.text.setVisible(p.nameHidden !== true);
      if (p.underInspection && !v.ring) {
        v.ring = this.icon(0, 0, 'site-ring', 30);
        v.box.addAt(v.ring, 0);
      } else if (!p.underInspection && v.ring) {
        v.ring.destroy();
        v.ring = null;
      }
    }
    for (const [id, v] of this.places) {
      if (seen.has(id)) continue;
      v.box.destroy();
      this.places.delete(id);
    }
  }

  private drawIncidents(list: readonly MapIncident[], round: number): void {
    const seen = new Set<number>();
    this.pulsing = [];
    for (const inc of list) {
      seen.add(inc.id);
      const key = `inc-${inc.kind}-${inc.attributed ? 'a' : 'u'}`;
      const size = incidentIconSize(inc.severity);
      let v = this.incidents.get(inc.id);
      if (!v) {
        const box = this.track(this.add.container(inc.x, inc.y).setDepth(40));
        const icon = this.icon(0, 0, key, (size * ICON_BOX) / 26);
        icon.setInteractive();
        icon.on('pointerover', () => this.hover(`incident:${inc.id}`));
        icon.on('pointerout', () => this.hover(null));
        box.add(icon);
        v = { box, icon, halo: null, phase: 0, attributed: inc.attributed };
        this.incidents.set(inc.id, v);
        if (inc.isNew && !this.reducedMotion) this.arrive(v);
      }
      v.box.setPosition(inc.x, inc.y);
      v.phase = PULSE_MS - ((inc.x * 7) % 900);
      if (v.attributed !== inc.attributed) {
        v.icon.setTexture(ATLAS, key);
        v.attributed = inc.attributed;
      }
      // New incidents wear a halo; this round's pulse (unless motion is reduced), last round's stay still.
      this.setHalo(v, inc.isNew, size);
      if (v.halo && inc.round >= round && !this.reducedMotion) this.pulsing.push(v);
      else v.halo?.setScale(1).setAlpha(STILL_HALO_ALPHA).setVisible(true);
    }
    for (const [id, v] of this.incidents) {
      if (seen.has(id)) continue;
      this.tweens.killTweensOf(v.icon);
      v.box.destroy();
      this.incidents.delete(id);
    }
  }

  /** A new incident drops in: a short scale and fade. */
  private arrive(v: IncidentView): void {
    const s = v.icon.scale;
    v.icon.setScale(s * 2.4).setAlpha(0);
    this.tweens.add({ targets: v.icon, scale: s, alpha: 1, duration: 420, ease: 'Back.easeOut' });
  }

  private setHalo(v: IncidentView, isNew: boolean, size: number): void {
    if (!isNew) {
      v.halo?.destroy();
      v.halo = null;
      return;
    }
    if (v.halo) return;
    // The ring (radius HALO_R in a HALO_CELL cell) rings the icon with 5 design px to spare.
    const design = (HALO_CELL * (size + 10)) / (2 * HALO_R);
    const arcs = Array.from({ length: HALO_ARCS }, (_, k) =>
      this.icon(0, 0, 'halo-arc', design).setRotation((k * 2 * Math.PI) / HALO_ARCS),
    );
    const halo = this.add.container(0, 0, arcs);
    v.box.addAt(halo, 0);
    v.halo = halo;
  }

  /** Each pulsing halo grows and fades (a sine ease-out), at its own phase of one shared clock. */
  private pulse(time: number): void {
    for (const v of this.pulsing) {
      const halo = v.halo;
      if (!halo) continue;
      const t = ((time + v.phase) % PULSE_MS) / PULSE_MS;
      const eased = Math.sin((t * Math.PI) / 2);
      if (eased >= PULSE_FADED) {
        halo.setVisible(false);
        continue;
      }
      halo
        .setVisible(true)
        .setScale(1 + PULSE_GROWTH * eased)
        .setAlpha(PULSE_ALPHA * (1 - eased / PULSE_FADED));
    }
  }

  private hover(key: string | null): void {
    this.highlighted = key;
    this.drawHighlight();
    const item = key ? this.find(key) : null;
    this.emit(item?.description ?? null);
  }

  private find(key: string): { x: number; y: number; r: number; description: string; marker: boolean } | null {
    const m = this.model;
    if (!m) return null;
    const [kind, id] = [key.slice(0, key.indexOf(':')), key.slice(key.indexOf(':') + 1)];
    if (kind === 'front') {
      const f = m.fronts.find((x) => x.id === id);
      return f ? { x: f.x, y: f.y, r: f.radius, description: f.description, marker: false } : null;
    }
    if (kind === 'incident') {
      const i = m.incidents.find((x) => String(x.id) === id);
      return i
        ? { x: i.x, y: i.y, r: (incidentIconSize(i.severity) / 2 + 6) * this.layoutZoom(), description: i.description, marker: true }
        : null;
    }
    const p = m.places.find((x) => x.id === id);
    return p ? { x: p.x, y: p.y, r: 14 * this.layoutZoom(), description: p.description, marker: true } : null;
  }

  private drawHighlight(): void {
    const ring = this.highlightRing;
    if (!ring) return;
    const item = this.highlighted ? this.find(this.highlighted) : null;
    ring.setVisible(item !== null);
    if (!item) return;
    // Markers keep their screen size, so their ring does too; a front's ring follows its zone.
    const r = item.marker ? (item.r / this.layoutZoom()) * this.markerScale() : item.r + 4 / this.cameras.main.zoom;
    ring.setPosition(item.x, item.y).setScale(r / FOCUS_RING_R / ICON_RES);
  }

  // ---- sizes that follow the zoom and the window --------------------------------------------

  /** Markers and labels: the layout's size at LAYOUT_ZOOM and above, scaled up on large screens. */
  private markerScale(): number {
    const zoom = this.cameras.main.zoom;
    // The wall never zooms: a design pixel is a screen pixel at the zoom its labels were laid out for.
    if (this.wall) return 1 / this.layoutZoom();
    return Math.min(this.uiScale, zoom / LAYOUT_ZOOM) / zoom;
  }

  private layoutZoom(): number {
    return this.model?.layoutZoom ?? LAYOUT_ZOOM;
  }

  private applyMarkerScale(): void {
    const zoom = this.cameras.main.zoom;
    if (this.appliedScale.zoom === zoom && this.appliedScale.ui === this.uiScale) return;
    this.appliedScale = { zoom, ui: this.uiScale };
    const s = this.markerScale();
    for (const v of this.fronts.values()) {
      const off = v.label.getData('offset') as { dx: number; dy: number } | undefined;
      const anchor = v.label.getData('anchor') as { x: number; y: number } | undefined;
      if (off && anchor) v.label.setPosition(anchor.x + off.dx * s, anchor.y + off.dy * s);
      v.label.setScale(s / LABEL_RES);
    }
    for (const v of this.places.values()) v.box.setScale(s);
    for (const v of this.incidents.values()) v.box.setScale(s);
    this.drawHighlight();
  }

  private onResize(): void {
    const { width, height } = this.scale;
    this.view.resize(width, height);
    this.hud.setSize(width, height);
    this.uiScale = Phaser.Math.Clamp(height / 800, 1, 1.6);
    this.layoutHud();
  }

  // ---- HUD: legend and zoom buttons, drawn by their own camera ---------------------------------

  private buildHud(): void {
    const res = 3;
    const w = 212;
    const h = 270;
    const tex = this.textures.exists('map-legend') ? null : this.textures.createCanvas('map-legend', w * res, h * res);
    if (tex) {
      tex.context.scale(res, res);
      drawLegend(tex.context, w, h);
      tex.refresh();
    }
    const legend = this.add.image(0, 0, 'map-legend').setOrigin(0, 1).setName('legend').setData('res', res);
    const button = (label: string, name: string, act: () => void) => {
      const b = this.add
        .text(0, 0, label, {
          ...textStyle(18, INK, 'bold'),
          backgroundColor: '#152230',
          padding: { x: 9, y: 3 },
          fixedWidth: 34,
          align: 'center',
        })
        .setName(name)
        .setInteractive({ useHandCursor: true });
      b.on('pointerdown', act);
      return b;
    };
    const items = [
      legend,
      button('+', 'zoom-in', () => this.view.zoomBy(1.4)),
      button('−', 'zoom-out', () => this.view.zoomBy(1 / 1.4)),
      button('⤢', 'zoom-fit', () => this.view.fit()),
    ];
    this.hudItems = items;
    this.cameras.main.ignore(items);
    legend.setVisible(this.legendVisible);
  }

  private layoutHud(): void {
    const { width, height } = this.scale;
    const s = this.uiScale;
    for (const item of this.hudItems) {
      if (!(item instanceof Phaser.GameObjects.Image || item instanceof Phaser.GameObjects.Text)) continue;
      if (item.name === 'legend') item.setScale(s / ((item.getData('res') as number | undefined) ?? 1)).setPosition(12, height - 12);
    }
    ['zoom-in', 'zoom-out', 'zoom-fit'].forEach((name, i) => {
      const b = this.hudItems.find((o) => o.name === name);
      if (b instanceof Phaser.GameObjects.Text)
        b.setScale(s)
          .setOrigin(1, 0)
          .setPosition(width - 12, 12 + i * 38 * s);
    });
  }
}

// ---- small helpers ------------------------------------------------------------------------------

function textStyle(size: number, color: string, fontStyle = ''): Phaser.Types.GameObjects.Text.TextStyle {
  return { fontFamily: FONT, fontSize: `${size}px`, fontStyle, color, stroke: SEA_CSS, strokeThickness: 3, resolution: 2 };
}

function placeText(text: Phaser.GameObjects.Text, spot: LabelSpot): void {
  text.setPosition(spot.dx, spot.dy).setOrigin(spot.originX, spot.originY);
}

/** Sets or replaces an object's hit area (setInteractive keeps the first one it was given). */
function setHitArea(
  obj: Phaser.GameObjects.Image,
  shape: Phaser.Geom.Circle | Phaser.Geom.Rectangle,
  contains: Phaser.Types.Input.HitAreaCallback,
): void {
  if (obj.input) {
    obj.input.hitArea = shape;
    obj.input.hitAreaCallback = contains;
  } else obj.setInteractive(shape, contains);
}

/**
 * Mounts the map in `parent` (which it fills, and follows when resized). WebGL when the browser
 * has it, Canvas otherwise (Phaser.AUTO tries them in that order).
 */
export function createMapGame(parent: HTMLElement, options: { reducedMotion: boolean }): { scene: Promise<MapScene>; destroy(): void } {
  let resolve: (s: MapScene) => void = () => {};
  const ready = new Promise<MapScene>((r) => (resolve = r));
  if (!parent.hasAttribute('tabindex')) parent.tabIndex = 0;
  const scene = new MapScene({ reducedMotion: options.reducedMotion, onReady: (s) => resolve(s) });
  const game = new Phaser.Game({
    type: Phaser.AUTO,
    parent,
    backgroundColor: SEA,
    transparent: false,
    banner: false,
    audio: { noAudio: true },
    scale: { mode: Phaser.Scale.RESIZE, width: Math.max(1, parent.clientWidth), height: Math.max(1, parent.clientHeight) },
    input: { keyboard: { target: parent } },
    // One texture per batch, as Phaser itself does on mobile (autoMobileTextures): the map draws a
    // few dozen quads from a handful of textures, and a multi-texture shader's branch per texture
    // unit costs every pixel on weak and software (SwiftShader) GPUs far more than a few more draws.
    render: { antialias: true, antialiasGL: false, powerPreference: 'high-performance', maxTextures: 1 },
    scene: [scene],
  });
  let destroyed = false;
  const destroy = () => {
    if (destroyed) return;
    destroyed = true;
    // Phaser releases its buffers and textures but not the context itself, which the browser then
    // keeps until a garbage collection: a tab that opens and leaves games would reach Chromium's
    // limit of live WebGL contexts ("Too many active WebGL contexts"). Lose it on purpose, once
    // Phaser is done with it (it tears down on its next frame).
    const gl = game.renderer instanceof Phaser.Renderer.WebGL.WebGLRenderer ? game.renderer.gl : null;
    game.events.once(Phaser.Core.Events.DESTROY, () =>
      setTimeout(() => {
        gl?.getExtension('WEBGL_lose_context')?.loseContext();
        // Graphics.generateTexture draws through one camera shared by every game (a static), which
        // keeps the last scene, its renderer and through them the whole screen that was left.
        Phaser.GameObjects.Graphics.TargetCamera = new Phaser.Cameras.Scene2D.Camera(0, 0, 1, 1);
      }),
    );
    game.destroy(true);
  };
  return { scene: ready, destroy };
}
