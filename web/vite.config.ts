import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Vite rewrites import.meta.url in its config to this file's own URL.
const root = decodeURIComponent(new URL('.', import.meta.url).pathname);

export default defineConfig({
  root,
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    rolldownOptions: {
      output: {
        // Libraries change less often than pages: separate chunks stay cached across releases.
        // @mantine/dates stays out of these groups: a group takes its dependencies along, and
        // only the pages with a date field should load the calendar.
        codeSplitting: {
          groups: [
            {
              name: 'mantine',
              test: /node_modules[\\/](@mantine[\\/](core|hooks|notifications|store)|@floating-ui)/,
            },
            { name: 'tanstack', test: /node_modules[\\/]@tanstack/ },
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
            { name: 'i18n', test: /node_modules[\\/](i18next|react-i18next)/ },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:3000',
      '/healthz': 'http://127.0.0.1:3000',
    },
  },
});
