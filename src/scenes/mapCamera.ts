// Panning and zooming the map's camera: drag, wheel (about the pointer), arrow keys, + and −, 0 to
// fit; the map always stays in view, centred along an axis where it is smaller than the window.
import * as Phaser from 'phaser';
import { MAP_SIZE } from '../map/projection';

const MAX_ZOOM_FACTOR = 4;
/** Arrow-key panning speed, in screen pixels per millisecond. */
const PAN_SPEED = 0.6;

export class MapCameraControl {
  /** The zoom at which the whole map fits the window: the least zoom allowed. */
  fitZoom = 1;
  private drag: { x: number; y: number } | null = null;
  private readonly cursors: Phaser.Types.Input.Keyboard.CursorKeys | null;

  constructor(
    private readonly scene: Phaser.Scene,
    /** Pointer presses that land on these objects (the HUD) do not start a drag. */
    private readonly ignorePress: (over: readonly Phaser.GameObjects.GameObject[]) => boolean,
  ) {
    const input = scene.input;
    input.setDefaultCursor('grab');
    input.on('pointerdown', this.onPointerDown, this);
    input.on('pointermove', this.onPointerMove, this);
    input.on('pointerup', this.onPointerUp, this);
    input.on('pointerupoutside', this.onPointerUp, this);
    input.on('wheel', this.onWheel, this);
    input.keyboard?.on('keydown', this.onKey, this);
    this.cursors = input.keyboard?.createCursorKeys() ?? null;
  }

  get camera(): Phaser.Cameras.Scene2D.Camera {
    return this.scene.cameras.main;
  }

  destroy(): void {
    const input = this.scene.input;
    input.off('pointerdown', this.onPointerDown, this);
    input.off('pointermove', this.onPointerMove, this);
    input.off('pointerup', this.onPointerUp, this);
    input.off('pointerupoutside', this.onPointerUp, this);
    input.off('wheel', this.onWheel, this);
    input.keyboard?.off('keydown', this.onKey, this);
  }

  /** Arrow keys pan smoothly while held. */
  update(delta: number): void {
    const c = this.cursors;
    if (!c) return;
    const dx = (c.right.isDown ? 1 : 0) - (c.left.isDown ? 1 : 0);
    const dy = (c.down.isDown ? 1 : 0) - (c.up.isDown ? 1 : 0);
    const step = (PAN_SPEED * delta) / this.camera.zoom;
    if (dx || dy) this.scrollBy(dx * step, dy * step);
  }

  /** The window changed size: refit if the player had not zoomed, else keep their zoom. */
  resize(width: number, height: number): void {
    const cam = this.camera;
    const wasFit = Math.abs(cam.zoom - this.fitZoom) < 1e-6;
    cam.setSize(width, height);
    this.fitZoom = Math.min(width / MAP_SIZE.width, height / MAP_SIZE.height);
    if (wasFit) this.fit();
    else this.zoomBy(1);
  }

  fit(): void {
    this.camera.setZoom(this.fitZoom);
    this.camera.centerOn(MAP_SIZE.width / 2, MAP_SIZE.height / 2);
    this.clamp();
  }

  /** Zooms about a point of the screen (its centre by default), which stays where it is. */
  zoomBy(factor: number, screenX = this.camera.width / 2, screenY = this.camera.height / 2): void {
    const cam = this.camera;
    const before = this.toWorld(screenX, screenY);
    cam.setZoom(Phaser.Math.Clamp(cam.zoom * factor, this.fitZoom, this.fitZoom * MAX_ZOOM_FACTOR));
    const after = this.toWorld(screenX, screenY);
    cam.scrollX += before.x - after.x;
    cam.scrollY += before.y - after.y;
    this.clamp();
  }

  scrollBy(dx: number, dy: number): void {
    this.camera.scrollX += dx;
    this.camera.scrollY += dy;
    this.clamp();
  }

  bringIntoView(x: number, y: number): void {
    const view = this.camera.worldView;
    if (view.width > 0 && Phaser.Geom.Rectangle.Contains(view, x, y)) return;
    this.camera.centerOn(x, y);
    this.clamp();
  }

  /** Screen to map pixels, for a camera zooming about its centre. */
  private toWorld(sx: number, sy: number): { x: number; y: number } {
    const cam = this.camera;
    return {
      x: cam.scrollX + cam.width / 2 + (sx - cam.width / 2) / cam.zoom,
      y: cam.scrollY + cam.height / 2 + (sy - cam.height / 2) / cam.zoom,
    };
  }

  private clamp(): void {
    const cam = this.camera;
    const axis = (scroll: number, view: number, size: number) => {
      const visible = view / cam.zoom;
      if (visible >= size) return size / 2 - view / 2;
      const first = scroll + view / 2 - visible / 2;
      return Phaser.Math.Clamp(first, 0, size - visible) - view / 2 + visible / 2;
    };
    cam.scrollX = axis(cam.scrollX, cam.width, MAP_SIZE.width);
    cam.scrollY = axis(cam.scrollY, cam.height, MAP_SIZE.height);
  }

  private onPointerDown(pointer: Phaser.Input.Pointer, over: Phaser.GameObjects.GameObject[]): void {
    if (this.ignorePress(over)) return;
    this.drag = { x: pointer.x, y: pointer.y };
    this.scene.input.setDefaultCursor('grabbing');
  }

  private onPointerMove(pointer: Phaser.Input.Pointer): void {
    if (!this.drag || !pointer.isDown) return;
    const zoom = this.camera.zoom;
    this.scrollBy((this.drag.x - pointer.x) / zoom, (this.drag.y - pointer.y) / zoom);
    this.drag = { x: pointer.x, y: pointer.y };
  }

  private onPointerUp(): void {
    this.drag = null;
    this.scene.input.setDefaultCursor('grab');
  }

  private onWheel(pointer: Phaser.Input.Pointer, _over: unknown, _dx: number, dy: number): void {
    this.zoomBy(Math.exp(-dy * 0.0015), pointer.x, pointer.y);
  }

  private onKey(event: KeyboardEvent): void {
    if (event.key === '+' || event.key === '=') this.zoomBy(1.25);
    else if (event.key === '-' || event.key === '_' || event.key === '−') this.zoomBy(0.8);
    else if (event.key === '0') this.fit();
  }
}
