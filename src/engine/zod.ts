// Zod for the engine's boundary schemas, in its tree-shakable "mini" form (the browser ships it),
// with English error messages: the problems a scenario author or a log reader sees.
import en from 'zod/v4/locales/en.js';
import { z } from 'zod/mini';

z.config(en());

export { z };

/** An integer in [min, max]. */
export const int = (min: number, max: number) => z.int().check(z.minimum(min), z.maximum(max));
/** A string of at most `max` characters (and at least `min`). */
export const str = (max: number, min = 0) =>
  min > 0 ? z.string().check(z.minLength(min), z.maxLength(max)) : z.string().check(z.maxLength(max));
