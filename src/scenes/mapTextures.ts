// The map's textures, each baked once with the Canvas 2D API and uploaded once: the base map (sea,
// land, borders, names), an atlas of every icon, front zones by radius, front label cards.
// The GPU then draws textured quads only: nothing is re-triangulated frame after frame.
import * as Phaser from 'phaser';
import { baseLabels, graticule, type IncidentKind, type MapFront, type RegionAsset } from '../map/model';
import { MAP_SIZE } from '../map/projection';
import {
  ICON_BOX,
  INK,
  drawBordersAndNames,
  drawCapital,
  drawEye,
  drawFrontCard,
  drawIncident,
  drawInspectionRing,
  drawPatrol,
  drawSea,
  drawSite,
  drawStrait,
  drawZone,
  measureFrontCard,
  arc,
  ring,
} from './mapArt';

export const ATLAS = 'map-icons';
/** Texels per design pixel of the icons (crisp up to the largest UI scale). */
export const ICON_RES = 3;
/** Texels per design pixel of the label cards. */
export const LABEL_RES = 2;
/** Texels per map pixel of the front zones. */
export const ZONE_RES = 1.25;
/** The radius, in design pixels, of the focus ring in the atlas. */
export const FOCUS_RING_R = 40;
/** The radius, in design pixels, of the halo ring in its HALO_CELL cell. */
export const HALO_R = 22;
export const HALO_CELL = 2 * (HALO_R + 2);
/**
 * A halo is drawn as this many arcs ('halo-arc', turned about the ring's centre), not as one
 * square around the whole ring: a hundred pulsing halos were the largest quads on the map, mostly
 * transparent, and a software renderer (SwiftShader) pays for every pixel of a quad.
 */
export const HALO_ARCS = 8;

const LAND = 0x1f2b38;
const KINDS: readonly IncidentKind[] = ['drone', 'rocket', 'raid', 'cyber', 'maritime'];

/**
 * Sea, graticule, land, borders and names, as one image under everything. The land goes through
 * a Graphics object's generateTexture, i.e. Phaser's Canvas renderer onto the same canvas.
 */
export function bakeBaseMap(scene: Phaser.Scene, region: RegionAsset): Phaser.GameObjects.Image {
  const { width, height } = scene.scale;
  // Enough texels for the zoom a player will use, without the cost of a huge upload.
  const fit = Math.min(width / MAP_SIZE.width, height / MAP_SIZE.height);
  const k = Math.min(2, Math.max(1, Math.ceil(fit * 2.4 * 4) / 4));
  if (scene.textures.exists('map-base')) scene.textures.remove('map-base');
  const tex = scene.textures.createCanvas('map-base', Math.round(MAP_SIZE.width * k), Math.round(MAP_SIZE.height * k));
  if (!tex) throw new Error('the map-base texture exists already');
  const ctx = tex.context;
  ctx.scale(k, k);
  drawSea(ctx, graticule());
  const land = scene.make.graphics({}, false);
  land.fillStyle(LAND, 1);
  for (const c of region.countries) {
    for (const r of c.rings) {
      const pts: Phaser.Math.Vector2[] = [];
      for (let i = 0; i + 1 < r.length; i += 2) pts.push(new Phaser.Math.Vector2(r[i], r[i + 1]));
      land.fillPoints(pts, true);
    }
  }
  land.setScale(k);
  land.generateTexture(tex.canvas, tex.width, tex.height);
  land.destroy();
  drawBordersAndNames(ctx, region, baseLabels());
  tex.refresh();
  return scene.add
    .image(0, 0, 'map-base')
    .setOrigin(0, 0)
    .setScale(1 / k)
    .setDepth(0);
}

/** Every icon in one atlas texture (shelf-packed), so that markers and incidents draw in few batches. */
export function bakeIconAtlas(scene: Phaser.Scene): void {
  if (scene.textures.exists(ATLAS)) return;
  const cells: Array<[string, number, (ctx: CanvasRenderingContext2D) => void]> = [];
  for (const kind of KINDS) {
    for (const attributed of [true, false])
      cells.push([`inc-${kind}-${attributed ? 'a' : 'u'}`, ICON_BOX, (ctx) => drawIncident(ctx, kind, attributed, 13)]);
  }
  cells.push(
    ['halo-arc', HALO_CELL, (ctx) => arc(ctx, HALO_R, Math.PI / HALO_ARCS, 2.2, 'rgba(255, 255, 255, 0.95)')],
    ['focus-ring', 2 * FOCUS_RING_R + 6, (ctx) => ring(ctx, FOCUS_RING_R, 3, '#ffffff')],
    ['eye', 18, drawEye],
    ['patrol', 18, drawPatrol],
    ['site', 22, drawSite],
    ['site-ring', 34, drawInspectionRing],
    ['capital', 16, drawCapital],
    ['strait', 20, drawStrait],
    ['city', 12, (ctx) => ring(ctx, 3, 2, INK)],
  );
  const width = 1024;
  const placed: Array<{ name: string; x: number; y: number; px: number; draw: (ctx: CanvasRenderingContext2D) => void }> = [];
  let x = 0;
  let y = 0;
  let shelf = 0;
  for (const [name, size, draw] of [...cells].sort((a, b) => b[1] - a[1])) {
    const px = Math.ceil(size * ICON_RES) + 2;
    if (x + px > width) {
      x = 0;
      y += shelf;
      shelf = 0;
    }
    placed.push({ name, x, y, px, draw });
    x += px;
    shelf = Math.max(shelf, px);
  }
  const tex = scene.textures.createCanvas(ATLAS, width, y + shelf);
  if (!tex) return;
  for (const c of placed) {
    const ctx = tex.context;
    ctx.save();
    ctx.translate(c.x + c.px / 2, c.y + c.px / 2);
    ctx.scale(ICON_RES, ICON_RES);
    c.draw(ctx);
    ctx.restore();
    // Each frame is trimmed to its opaque pixels: the quad drawn shrinks, the image stays the same
    // (Phaser offsets a trimmed frame within its full cell), and a software renderer pays per pixel.
    const cell = c.px - 2;
    const box = opaqueBounds(ctx.getImageData(c.x + 1, c.y + 1, cell, cell));
    const frame = tex.add(c.name, 0, c.x + 1 + box.x, c.y + 1 + box.y, box.w, box.h);
    if (box.w !== cell || box.h !== cell) frame?.setTrim(cell, cell, box.x, box.y, box.w, box.h);
  }
  tex.refresh();
}

/** The smallest box holding every pixel that is not fully transparent (the whole image when none is). */
function opaqueBounds(img: ImageData): { x: number; y: number; w: number; h: number } {
  const { width, height, data } = img;
  let x0 = width;
  let y0 = height;
  let x1 = -1;
  let y1 = -1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if ((data[(y * width + x) * 4 + 3] ?? 0) === 0) continue;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
    }
  }
  return x1 < 0 ? { x: 0, y: 0, w: width, h: height } : { x: x0, y: y0, w: x1 - x0 + 1, h: y1 - y0 + 1 };
}

/** A white zone of this radius (the scene tints it), shared by fronts of the same size. */
export function bakeZone(scene: Phaser.Scene, radius: number): string {
  const r = Math.max(4, Math.round(radius));
  const key = `zone-${r}`;
  if (scene.textures.exists(key)) return key;
  const size = 2 * (r + 3) * ZONE_RES;
  const tex = scene.textures.createCanvas(key, size, size);
  if (!tex) return key;
  tex.context.scale(ZONE_RES, ZONE_RES);
  tex.context.translate(r + 3, r + 3);
  drawZone(tex.context, r);
  tex.refresh();
  return key;
}

/** A front's label card under `key`; returns its size in texels. */
export function bakeFrontCard(scene: Phaser.Scene, key: string, f: MapFront): { width: number; height: number } | null {
  const measure = scene.textures.exists('map-measure')
    ? scene.textures.get('map-measure')
    : scene.textures.createCanvas('map-measure', 4, 4);
  if (!(measure instanceof Phaser.Textures.CanvasTexture)) return null;
  const { w, h } = measureFrontCard(measure.context, f);
  const tex = scene.textures.createCanvas(key, w * LABEL_RES, h * LABEL_RES);
  if (!tex) return null;
  tex.context.scale(LABEL_RES, LABEL_RES);
  drawFrontCard(tex.context, f, w, h);
  tex.refresh();
  return { width: tex.width, height: tex.height };
}
