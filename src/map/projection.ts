// The map's projection, shared by the asset build script and the game: lon/lat to map pixels.
// Pure math (d3-geo), no drawing.
import { geoMercator, type GeoProjection } from 'd3-geo';

/** The region: the eastern Mediterranean to the Gulf of Oman, Yemen and the Red Sea included. */
export const REGION = { west: 27, east: 62, south: 11, north: 40.5 } as const;

/** The size of the baked map, in map pixels (the scene scales it to the window). */
export const MAP_SIZE = { width: 1600, height: 1300 } as const;

export function regionProjection(): GeoProjection {
  const { west, east, south, north } = REGION;
  // Fit the four corners (a MultiPoint): a Polygon would need d3's clockwise winding (the
  // opposite ring covers the rest of the globe) and its edges would follow great circles.
  return geoMercator().fitExtent(
    [
      [0, 0],
      [MAP_SIZE.width, MAP_SIZE.height],
    ],
    {
      type: 'MultiPoint',
      coordinates: [
        [west, south],
        [east, south],
        [east, north],
        [west, north],
      ],
    },
  );
}

/** Projects lon/lat to map pixels; null outside the projection. */
export function project(lon: number, lat: number, projection = cached()): { x: number; y: number } | null {
  const p = projection([lon, lat]);
  return p ? { x: Math.round(p[0] * 10) / 10, y: Math.round(p[1] * 10) / 10 } : null;
}

/** Map pixels per kilometre near a latitude (for front radii). */
export function pixelsPerKm(lat: number, projection = cached()): number {
  const a = projection([40, lat]);
  const b = projection([41, lat]);
  if (!a || !b) return 1;
  const kmPerDegree = 111.32 * Math.cos((lat * Math.PI) / 180);
  return Math.abs(b[0] - a[0]) / kmPerDegree;
}

let memo: GeoProjection | null = null;
function cached(): GeoProjection {
  memo ??= regionProjection();
  return memo;
}
