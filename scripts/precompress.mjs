// Writes a brotli (.br) and a gzip (.gz) copy beside each text file of the build, once, so the
// server sends compressed files without compressing on every request (30 laptops at the start
// of a lesson ask for the same files). A copy is written again only when its file is newer.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg', '.txt', '.wasm']);
/** Below this a compressed copy saves less than its headers cost. */
const MIN_BYTES = 1024;

function* files(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (COMPRESSIBLE.has(extname(entry.name))) yield path;
  }
}

const fresh = (copy, mtimeMs) => {
  try {
    return statSync(copy).mtimeMs >= mtimeMs;
  } catch {
    return false;
  }
};

/** Compresses what needs it under `dir`; returns how many files it wrote. */
export function precompress(dir) {
  let written = 0;
  for (const path of files(dir)) {
    const st = statSync(path);
    if (st.size < MIN_BYTES) continue;
    if (fresh(`${path}.br`, st.mtimeMs) && fresh(`${path}.gz`, st.mtimeMs)) continue;
    const body = readFileSync(path);
    writeFileSync(
      `${path}.br`,
      brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } }),
    );
    writeFileSync(`${path}.gz`, gzipSync(body, { level: 9 }));
    written += 2;
  }
  return written;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2] ?? 'dist';
  process.stdout.write(`precompressed ${precompress(dir)} files in ${dir}\n`);
}
