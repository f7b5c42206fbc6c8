import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  server: { host: '127.0.0.1', port: 5173 },
  resolve: {
    // Phaser's build without its physics engines (Arcade and Matter): the map uses neither, and
    // they are a fifth of Phaser's code. Only the bare specifier 'phaser' is redirected.
    alias: [
      { find: /^phaser$/, replacement: fileURLToPath(new URL('./src/vendor/phaser-map.cjs', import.meta.url)) },
      // Phaser's sources, which its package's exports field does not list (src/vendor/phaser-map.cjs).
      { find: /^phaser-src\//, replacement: fileURLToPath(new URL('./node_modules/phaser/src/', import.meta.url)) },
      { find: /^phaser3spectorjs$/, replacement: fileURLToPath(new URL('./src/vendor/empty.js', import.meta.url)) },
    ],
  },
  // The feature flags Phaser's own builds set (webpack DefinePlugin, on the whole `typeof FLAG`
  // expression): both renderers, no sound (the map is silent), no debug or platform plugins.
  define: {
    'typeof WEBGL_RENDERER': 'true',
    'typeof CANVAS_RENDERER': 'true',
    'typeof FEATURE_SOUND': 'false',
    'typeof WEBGL_DEBUG': 'false',
    'typeof PLUGIN_CAMERA3D': 'false',
    'typeof PLUGIN_FBINSTANT': 'false',
    // Phaser's sources (CommonJS) name the global object `global`, as Node does.
    global: 'globalThis',
  },
  build: {
    target: 'es2022',
    sourcemap: true,
    // The map preview (map.html) is built too, so the browser benchmark can measure the map alone.
    rolldownOptions: { input: { main: 'index.html', map: 'map.html' } },
  },
});
