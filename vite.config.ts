import { defineConfig } from 'vite';

export default defineConfig({
  server: { host: '127.0.0.1', port: 5173 },
  build: {
    target: 'es2022',
    sourcemap: true,
    // The map preview (map.html) is built too, so the browser benchmark can measure the map alone.
    rolldownOptions: { input: { main: 'index.html', map: 'map.html' } },
  },
});
