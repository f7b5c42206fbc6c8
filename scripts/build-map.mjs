#!/usr/bin/env node
// Builds assets/map/region.json from Natural Earth (world-atlas, 50m): countries clipped to the
// region, projected to map pixels and simplified. Run once after changing the region:
//   npm run map
import { writeFileSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { geoBounds, geoPath } from 'd3-geo';
import { feature } from 'topojson-client';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// The projection lives in src/map/projection.ts; bundle it so script and game share it.
const out = join(root, 'node_modules', '.cache', 'interlock-cli', 'projection.mjs');
await build({
  entryPoints: [join(root, 'src/map/projection.ts')],
  outfile: out,
  bundle: true,
  platform: 'node',
  format: 'esm',
  packages: 'external',
  logLevel: 'warning',
});
const { regionProjection, MAP_SIZE, REGION } = await import(out);

const topo = JSON.parse(readFileSync(join(root, 'node_modules/world-atlas/countries-50m.json'), 'utf8'));
const countries = feature(topo, topo.objects.countries).features;
const projection = regionProjection().clipExtent([
  [-20, -20],
  [MAP_SIZE.width + 20, MAP_SIZE.height + 20],
]);

// Capture the projected, clipped rings through a d3 path context.
function rings(geometry) {
  const out = [];
  let ring = null;
  const ctx = {
    moveTo(x, y) {
      ring = [x, y];
      out.push(ring);
    },
    lineTo(x, y) {
      ring.push(x, y);
    },
    closePath() {},
    arc() {},
  };
  geoPath(projection, ctx)(geometry);
  return out;
}

// Drops points closer than `tolerance` map pixels to the last kept one.
function simplify(ring, tolerance) {
  const kept = [Math.round(ring[0]), Math.round(ring[1])];
  for (let i = 2; i < ring.length; i += 2) {
    const x = Math.round(ring[i]);
    const y = Math.round(ring[i + 1]);
    const dx = x - kept[kept.length - 2];
    const dy = y - kept[kept.length - 1];
    if (dx * dx + dy * dy >= tolerance * tolerance || i >= ring.length - 2) kept.push(x, y);
  }
  return kept;
}

const result = { source: 'Natural Earth 1:50m via world-atlas 2.0', width: MAP_SIZE.width, height: MAP_SIZE.height, countries: [] };
const near = (f) => {
  const [[w, south], [e, n]] = geoBounds(f);
  return e >= REGION.west - 3 && w <= REGION.east + 3 && n >= REGION.south - 3 && south <= REGION.north + 3;
};
for (const f of countries) {
  if (!near(f)) continue;
  // Small islands (Bahrain) keep finer detail so they do not vanish.
  const rs = rings(f)
    .map((r) => {
      const s = simplify(r, 2.5);
      return s.length >= 8 ? s : simplify(r, 0.8);
    })
    .filter((r) => r.length >= 6);
  if (rs.length === 0) continue;
  result.countries.push({ name: f.properties.name, rings: rs });
}
const file = join(root, 'assets/map/region.json');
writeFileSync(file, JSON.stringify(result));
const points = result.countries.reduce((a, c) => a + c.rings.reduce((b, r) => b + r.length / 2, 0), 0);
console.log(`wrote ${file}: ${result.countries.length} countries, ${points} points, ${JSON.stringify(result).length} bytes`);
