// Import aliases for the package's own entry points, so tests and stories import
// `parley`, `parley/core`, `parley/mock-server` exactly as users do.
// Keep in sync with tsconfig.json `compilerOptions.paths`.
// Shared by vite.config.ts (Vitest) and .storybook/main.ts (viteFinal).
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Entry point → source file, relative to the repository root. */
export const PARLEY_ENTRIES = {
  parley: 'src/react/index.ts',
  'parley/core': 'src/core/index.ts',
  'parley/mock-server': 'src/mock-server/index.ts',
  // Node only (http + socket.io): never imported by src/core, src/react or stories.
  'parley/mock-server/node': 'src/mock-server/node.ts',
  'parley/socketio': 'src/transports/socketio.ts',
  // Catalogs other than English: one entry each, so a bundle carries only the ones it imports.
  'parley/locales/ar': 'src/i18n/ar.ts',
  // CSS needs no tsconfig path (vite/client types declare *.css modules).
  'parley/styles.css': 'src/theme/styles.css',
};

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** Vite `resolve.alias` entries; exact matches only, so `parley` does not swallow `parley/core`. */
export const parleyAliases = Object.entries(PARLEY_ENTRIES).map(([find, file]) => ({
  find: new RegExp(`^${escape(find)}$`),
  replacement: `${root}${file}`,
}));

/** src/react/index.ts → dist/react/index.js; src/theme/styles.css → dist/styles.css (as package.json `exports`). */
export const builtFile = (source) =>
  source.endsWith('.css') ? `dist/${source.split('/').pop()}` : source.replace(/^src\//, 'dist/').replace(/\.ts$/, '.js');

/** The same aliases onto the built package, for the test project that runs against dist/. */
export const parleyDistAliases = Object.entries(PARLEY_ENTRIES).map(([find, file]) => ({
  find: new RegExp(`^${escape(find)}$`),
  replacement: `${root}${builtFile(file)}`,
}));
