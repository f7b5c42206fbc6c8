// The map's artwork, drawn with the Canvas 2D API in design pixels (icons centred at the origin):
// baked once into textures by MapScene, so antialiasing, dashes and text halos come free and the
// GPU only ever draws textured quads. No Phaser here.
import type { IncidentKind, MapFront, RegionAsset, BaseLabel } from '../map/model';
import { cividis, DESIGN } from '../map/model';
import { MAP_SIZE } from '../map/projection';

export const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";
export const SEA_CSS = '#0a1722';
export const BORDER_CSS = 'rgba(120, 146, 172, 0.55)';
export const INK = '#e8eef4';
export const MUTED = '#a9b8c7';
/** An incident icon's cell, in design pixels: its shape is 26 wide, with room for the outline and shadow. */
export const ICON_BOX = 34;

function tracePath(ctx: CanvasRenderingContext2D, flat: readonly number[], close: boolean): void {
  ctx.moveTo(flat[0] ?? 0, flat[1] ?? 0);
  for (let i = 2; i + 1 < flat.length; i += 2) ctx.lineTo(flat[i] ?? 0, flat[i + 1] ?? 0);
  if (close) ctx.closePath();
}

/** The sea and a faint graticule, under the land. */
export function drawSea(ctx: CanvasRenderingContext2D, graticule: readonly number[][]): void {
  ctx.fillStyle = SEA_CSS;
  ctx.fillRect(0, 0, MAP_SIZE.width, MAP_SIZE.height);
  ctx.beginPath();
  for (const line of graticule) tracePath(ctx, line, false);
  ctx.strokeStyle = 'rgba(124, 196, 255, 0.07)';
  ctx.lineWidth = 1.2;
  ctx.stroke();
}

/** Thin borders, country and sea names, and a fade at the edges (the geometry stops there). */
export function drawBordersAndNames(ctx: CanvasRenderingContext2D, region: RegionAsset, labels: readonly BaseLabel[]): void {
  ctx.beginPath();
  for (const c of region.countries) for (const r of c.rings) tracePath(ctx, r, true);
  ctx.strokeStyle = BORDER_CSS;
  ctx.lineWidth = 1.1;
  ctx.lineJoin = 'round';
  ctx.stroke();

  for (const l of labels) {
    ctx.save();
    ctx.translate(l.x, l.y);
    ctx.rotate((l.angle * Math.PI) / 180);
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    if (l.kind === 'country') {
      ctx.font = `600 ${l.size}px ${FONT}`;
      ctx.letterSpacing = `${Math.round(l.size * 0.22)}px`;
      ctx.fillStyle = 'rgba(168, 186, 206, 0.42)';
    } else {
      ctx.font = `italic ${l.size}px ${FONT}`;
      ctx.letterSpacing = `${Math.round(l.size * 0.12)}px`;
      ctx.fillStyle = 'rgba(110, 160, 205, 0.55)';
    }
    ctx.fillText(l.text, 0, 0);
    ctx.restore();
  }

  const edge = 70;
  const fade = (x0: number, y0: number, x1: number, y1: number, x: number, y: number, w: number, h: number) => {
    const g = ctx.createLinearGradient(x0, y0, x1, y1);
    g.addColorStop(0, SEA_CSS);
    g.addColorStop(1, 'rgba(10, 23, 34, 0)');
    ctx.fillStyle = g;
    ctx.fillRect(x, y, w, h);
  };
  const { width: W, height: H } = MAP_SIZE;
  fade(0, 0, edge, 0, 0, 0, edge, H);
  fade(W, 0, W - edge, 0, W - edge, 0, edge, H);
  fade(0, 0, 0, edge, 0, 0, W, edge);
  fade(0, H, 0, H - edge, 0, H - edge, W, edge);
}

/** A white front zone of radius r (the scene tints it): translucent fill, a soft core, a crisp rim. */
export function drawZone(ctx: CanvasRenderingContext2D, r: number): void {
  const g = ctx.createRadialGradient(0, 0, 0, 0, 0, r);
  g.addColorStop(0, 'rgba(255, 255, 255, 0.5)');
  g.addColorStop(0.75, 'rgba(255, 255, 255, 0.3)');
  g.addColorStop(1, 'rgba(255, 255, 255, 0.4)');
  ctx.beginPath();
  ctx.arc(0, 0, r, 0, Math.PI * 2);
  ctx.fillStyle = g;
  ctx.fill();
  ring(ctx, r - 1, 2.4, 'rgba(255, 255, 255, 0.95)');
}

const CARD = { line1: Math.ceil(DESIGN.frontName * 1.3), line2: Math.ceil(DESIGN.frontDetail * 1.4) };

function frontBadges(f: MapFront) {
  return [
    { draw: drawEye, n: f.observers },
    { draw: drawPatrol, n: f.patrols },
  ].filter((b) => b.n > 0);
}

/** The size of a front's label card, in design pixels, measured with the real fonts. */
export function measureFrontCard(m: CanvasRenderingContext2D, f: MapFront): { w: number; h: number } {
  m.font = `bold ${DESIGN.frontName}px ${FONT}`;
  const nameW = m.measureText(f.name).width;
  m.font = `${DESIGN.frontDetail}px ${FONT}`;
  const detailW = m.measureText(f.detail).width;
  m.font = `bold ${DESIGN.frontDetail}px ${FONT}`;
  const badgeW = frontBadges(f).reduce((w, b) => w + 8 + DESIGN.badge + 3 + m.measureText(String(b.n)).width, 0);
  const w = Math.ceil(Math.max(nameW, 16 + detailW + badgeW) + 2 * DESIGN.padX) + 2;
  const h = CARD.line1 + CARD.line2 + 2 * DESIGN.padY + 2;
  return { w, h };
}

/** A front's label card: its name, a swatch of its colour, "tension 62 · high", then badges. */
export function drawFrontCard(ctx: CanvasRenderingContext2D, f: MapFront, w: number, h: number): void {
  const { padX, padY } = DESIGN;
  ctx.beginPath();
  ctx.roundRect(1, 1, w - 2, h - 2, 6);
  ctx.fillStyle = 'rgba(13, 20, 28, 0.86)';
  ctx.fill();
  ctx.lineWidth = 1.5;
  ctx.strokeStyle = css(mix(f.fill, 0xffffff, 0.25));
  ctx.stroke();
  ctx.textBaseline = 'middle';
  ctx.font = `bold ${DESIGN.frontName}px ${FONT}`;
  ctx.fillStyle = INK;
  ctx.fillText(f.name, padX + 1, padY + 1 + CARD.line1 / 2);
  const y2 = padY + 1 + CARD.line1 + CARD.line2 / 2;
  ctx.fillStyle = css(f.fill);
  ctx.fillRect(padX + 1, y2 - 5.5, 11, 11);
  ctx.strokeStyle = 'rgba(255, 255, 255, 0.6)';
  ctx.lineWidth = 1;
  ctx.strokeRect(padX + 1.5, y2 - 5, 10, 10);
  ctx.font = `${DESIGN.frontDetail}px ${FONT}`;
  ctx.fillStyle = MUTED;
  ctx.fillText(f.detail, padX + 17, y2);
  let x = padX + 17 + ctx.measureText(f.detail).width;
  ctx.font = `bold ${DESIGN.frontDetail}px ${FONT}`;
  for (const b of frontBadges(f)) {
    x += 8;
    ctx.save();
    ctx.translate(x + DESIGN.badge / 2, y2);
    ctx.scale(DESIGN.badge / 18, DESIGN.badge / 18);
    b.draw(ctx);
    ctx.restore();
    x += DESIGN.badge + 3;
    ctx.fillStyle = INK;
    ctx.fillText(String(b.n), x, y2);
    x += ctx.measureText(String(b.n)).width;
  }
}

export function css(color: number): string {
  return `#${color.toString(16).padStart(6, '0')}`;
}

export function mix(a: number, b: number, t: number): number {
  const ch = (shift: number) => Math.round(((a >> shift) & 255) * (1 - t) + ((b >> shift) & 255) * t);
  return (ch(16) << 16) | (ch(8) << 8) | ch(0);
}

export function ring(ctx: CanvasRenderingContext2D, r: number, width: number, color: string): void {
  ctx.beginPath();
  ctx.arc(0, 0, r, 0, Math.PI * 2);
  ctx.lineWidth = width;
  ctx.strokeStyle = color;
  ctx.stroke();
}

/** An arc of a ring, from −halfAngle to +halfAngle (radians, clockwise from the x axis), with butt ends. */
export function arc(ctx: CanvasRenderingContext2D, r: number, halfAngle: number, width: number, color: string): void {
  ctx.beginPath();
  ctx.arc(0, 0, r, -halfAngle, halfAngle);
  ctx.lineWidth = width;
  ctx.lineCap = 'butt';
  ctx.strokeStyle = color;
  ctx.stroke();
}

function polygon(ctx: CanvasRenderingContext2D, pts: ReadonlyArray<readonly [number, number]>, r: number): void {
  ctx.beginPath();
  pts.forEach(([x, y], i) => (i === 0 ? ctx.moveTo(x * r, y * r) : ctx.lineTo(x * r, y * r)));
  ctx.closePath();
}

/** The shape says the kind of incident. */
function kindPath(ctx: CanvasRenderingContext2D, kind: IncidentKind, r: number): void {
  switch (kind) {
    case 'drone':
      polygon(
        ctx,
        [
          [0, -1.05],
          [0.98, 0.72],
          [-0.98, 0.72],
        ],
        r,
      );
      break;
    case 'rocket':
      polygon(
        ctx,
        [
          [0, -1.1],
          [0.85, 0],
          [0, 1.1],
          [-0.85, 0],
        ],
        r,
      );
      break;
    case 'raid':
      polygon(
        ctx,
        [
          [-0.78, -0.78],
          [0.78, -0.78],
          [0.78, 0.78],
          [-0.78, 0.78],
        ],
        r,
      );
      break;
    case 'cyber': {
      const pts: Array<[number, number]> = [];
      for (let i = 0; i < 6; i++) pts.push([Math.cos((i * Math.PI) / 3), Math.sin((i * Math.PI) / 3)]);
      polygon(ctx, pts, r * 0.95);
      break;
    }
    case 'maritime':
      polygon(
        ctx,
        [
          [-1.05, 0.05],
          [-0.4, 0.05],
          [-0.4, -0.6],
          [0.3, -0.6],
          [0.3, 0.05],
          [1.05, 0.05],
          [0.65, 0.72],
          [-0.65, 0.72],
        ],
        r,
      );
      break;
  }
}

/** The outline says attributed (solid, filled) or not (dashed, hollow). */
export function drawIncident(ctx: CanvasRenderingContext2D, kind: IncidentKind, attributed: boolean, r: number): void {
  kindPath(ctx, kind, r);
  ctx.lineJoin = 'round';
  ctx.shadowColor = 'rgba(0, 0, 0, 0.75)';
  ctx.shadowBlur = 4;
  if (attributed) {
    ctx.fillStyle = '#f6f1e4';
    ctx.fill();
    ctx.shadowColor = 'transparent';
    ctx.lineWidth = 2;
    ctx.strokeStyle = '#0b0f14';
    ctx.stroke();
  } else {
    ctx.fillStyle = 'rgba(14, 20, 28, 0.92)';
    ctx.fill();
    ctx.shadowColor = 'transparent';
    ctx.setLineDash([3.2, 2.4]);
    ctx.lineWidth = 2.2;
    ctx.strokeStyle = '#f6f1e4';
    ctx.stroke();
    ctx.setLineDash([]);
  }
}

export function drawEye(ctx: CanvasRenderingContext2D): void {
  ctx.beginPath();
  ctx.moveTo(-7.5, 0);
  ctx.quadraticCurveTo(0, -7.5, 7.5, 0);
  ctx.quadraticCurveTo(0, 7.5, -7.5, 0);
  ctx.closePath();
  ctx.fillStyle = '#e8eef4';
  ctx.fill();
  ctx.beginPath();
  ctx.arc(0, 0, 2.8, 0, Math.PI * 2);
  ctx.fillStyle = '#0d141c';
  ctx.fill();
}

export function drawPatrol(ctx: CanvasRenderingContext2D): void {
  ctx.strokeStyle = '#e8eef4';
  ctx.lineWidth = 2.4;
  ctx.lineJoin = 'round';
  ctx.lineCap = 'round';
  for (const dx of [-4, 2]) {
    ctx.beginPath();
    ctx.moveTo(dx - 2, -5.5);
    ctx.lineTo(dx + 3.5, 0);
    ctx.lineTo(dx - 2, 5.5);
    ctx.stroke();
  }
}

/** A radiation trefoil on a dark disc. */
export function drawSite(ctx: CanvasRenderingContext2D): void {
  ctx.beginPath();
  ctx.arc(0, 0, 8.6, 0, Math.PI * 2);
  ctx.fillStyle = '#1a1d12';
  ctx.fill();
  ctx.lineWidth = 1.4;
  ctx.strokeStyle = '#f0d98a';
  ctx.stroke();
  ctx.fillStyle = '#f0d98a';
  for (let i = 0; i < 3; i++) {
    const a = -Math.PI / 2 + (i * 2 * Math.PI) / 3;
    ctx.beginPath();
    ctx.moveTo(0, 0);
    ctx.arc(0, 0, 6.6, a - Math.PI / 6, a + Math.PI / 6);
    ctx.closePath();
    ctx.fill();
  }
  ctx.beginPath();
  ctx.arc(0, 0, 2.2, 0, Math.PI * 2);
  ctx.fillStyle = '#1a1d12';
  ctx.fill();
  ctx.beginPath();
  ctx.arc(0, 0, 1.3, 0, Math.PI * 2);
  ctx.fillStyle = '#f0d98a';
  ctx.fill();
}

/** Inspectors on site: a ring with four ticks, like a sight. */
export function drawInspectionRing(ctx: CanvasRenderingContext2D): void {
  ring(ctx, 13, 2, '#7cc4ff');
  ctx.beginPath();
  for (const [x, y] of [
    [0, -1],
    [1, 0],
    [0, 1],
    [-1, 0],
  ] as const) {
    ctx.moveTo(x * 11, y * 11);
    ctx.lineTo(x * 16, y * 16);
  }
  ctx.stroke();
}

export function drawCapital(ctx: CanvasRenderingContext2D): void {
  ctx.beginPath();
  ctx.arc(0, 0, 5.2, 0, Math.PI * 2);
  ctx.fillStyle = '#0d141c';
  ctx.fill();
  ctx.lineWidth = 1.6;
  ctx.strokeStyle = '#e8eef4';
  ctx.stroke();
  ctx.beginPath();
  ctx.arc(0, 0, 2.2, 0, Math.PI * 2);
  ctx.fillStyle = '#e8eef4';
  ctx.fill();
}

export function drawStrait(ctx: CanvasRenderingContext2D): void {
  ctx.strokeStyle = '#9fd0f2';
  ctx.lineWidth = 1.8;
  ctx.lineCap = 'round';
  for (const y of [-3, 3]) {
    ctx.beginPath();
    ctx.moveTo(-8, y);
    ctx.bezierCurveTo(-4, y - 4, -1, y + 4, 2, y);
    ctx.bezierCurveTo(4, y - 3, 6, y - 2, 8, y);
    ctx.stroke();
  }
}

export function drawLegend(ctx: CanvasRenderingContext2D, w: number, h: number): void {
  ctx.fillStyle = 'rgba(13, 20, 28, 0.86)';
  ctx.strokeStyle = 'rgba(42, 61, 80, 1)';
  ctx.lineWidth = 1;
  ctx.beginPath();
  ctx.roundRect(0.5, 0.5, w - 1, h - 1, 8);
  ctx.fill();
  ctx.stroke();
  const head = (text: string, y: number) => {
    ctx.font = `600 10px ${FONT}`;
    ctx.letterSpacing = '1.2px';
    ctx.fillStyle = MUTED;
    ctx.fillText(text, 12, y);
    ctx.letterSpacing = '0px';
  };
  const label = (text: string, x: number, y: number) => {
    ctx.font = `12px ${FONT}`;
    ctx.fillStyle = INK;
    ctx.textBaseline = 'middle';
    ctx.fillText(text, x, y);
    ctx.textBaseline = 'alphabetic';
  };
  const at = (x: number, y: number, draw: () => void) => {
    ctx.save();
    ctx.translate(x, y);
    draw();
    ctx.restore();
  };
  head('FRONT TENSION', 20);
  const bar = { x: 12, y: 28, w: w - 24, h: 10 };
  for (let i = 0; i < bar.w; i++) {
    ctx.fillStyle = `#${cividis(i / (bar.w - 1))
      .toString(16)
      .padStart(6, '0')}`;
    ctx.fillRect(bar.x + i, bar.y, 1.2, bar.h);
  }
  ctx.font = `11px ${FONT}`;
  ctx.fillStyle = MUTED;
  const ticks: Array<[number, string]> = [
    [0, 'calm'],
    [30, 'tense'],
    [50, 'high'],
    [75, 'critical'],
  ];
  for (const [t, name] of ticks) {
    const x = bar.x + (bar.w * t) / 100;
    ctx.fillRect(x, bar.y + bar.h, 1, 4);
    ctx.fillText(name, x + (t === 0 ? 0 : 2), bar.y + bar.h + 15);
  }
  head('INCIDENTS', 76);
  const kinds: Array<[IncidentKind, string]> = [
    ['drone', 'drone'],
    ['rocket', 'rocket'],
    ['raid', 'raid'],
    ['cyber', 'cyber'],
    ['maritime', 'shipping'],
  ];
  kinds.forEach(([kind, name], i) => {
    const x = 20 + (i % 3) * 66;
    const y = 92 + Math.floor(i / 3) * 22;
    at(x, y, () => drawIncident(ctx, kind, true, 7));
    label(name, x + 12, y);
  });
  at(20, 142, () => drawIncident(ctx, 'raid', true, 7));
  label('attributed', 32, 142);
  at(20, 164, () => drawIncident(ctx, 'raid', false, 7));
  label('unattributed / inconclusive', 32, 164);
  at(20, 186, () => ring(ctx, 8, 1.6, 'rgba(255,255,255,0.8)'));
  label('new (this or last round)', 32, 186);
  head('ON THE MAP', 214);
  at(20, 234, () => drawEye(ctx));
  label('observers', 32, 234);
  at(124, 234, () => drawPatrol(ctx));
  label('patrols', 136, 234);
  at(20, 254, () => {
    ctx.scale(0.8, 0.8);
    drawSite(ctx);
  });
  label('nuclear site', 32, 254);
  at(124, 254, () => {
    ctx.scale(0.55, 0.55);
    drawInspectionRing(ctx);
    drawSite(ctx);
  });
  label('inspected', 136, 254);
}
