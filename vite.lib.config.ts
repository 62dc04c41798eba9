/**
 * The package build (`npm run build`, scripts/build.mjs): every entry point as
 * ES modules in dist/, one file per source module (preserveModules), so a
 * consumer's bundler tree-shakes per module and a lazily imported part stays a
 * separate file. Every bare import is external: dependencies and peers are
 * resolved by the consumer, never bundled in.
 *
 * `"use client"` is put back on the modules that need it (components and hooks),
 * so a Next.js App Router server component can import them; pure helpers and the
 * entry files stay directive-free and usable on the server.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { PARLEY_ENTRIES } from './scripts/aliases.mjs';

const root = path.dirname(fileURLToPath(import.meta.url));
const src = path.join(root, 'src');

/** A React component or hook module: `.tsx`, or a file named `use…`. */
export function needsUseClient(moduleId: string): boolean {
  const rel = path.relative(src, moduleId);
  if (!rel.startsWith(`react${path.sep}`)) return false;
  return rel.endsWith('.tsx') || /^use[A-Z]/.test(path.basename(rel));
}

const isBare = (id: string) => !id.startsWith('.') && !path.isAbsolute(id) && !id.startsWith('\0');

export default defineConfig({
  plugins: [react()],
  logLevel: 'warn',
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    target: 'es2022',
    minify: false,
    // The output is unminified, one file per source module: readable as it is.
    sourcemap: false,
    copyPublicDir: false,
    lib: {
      entry: Object.values(PARLEY_ENTRIES)
        .filter((file) => file.endsWith('.ts'))
        .map((file) => path.join(root, file)),
      formats: ['es'],
    },
    rollupOptions: {
      external: (id) => isBare(id) || id.startsWith('node:'),
      output: {
        preserveModules: true,
        preserveModulesRoot: 'src',
        entryFileNames: '[name].js',
        banner: (chunk) => (chunk.facadeModuleId && needsUseClient(chunk.facadeModuleId) ? '"use client";' : ''),
      },
    },
  },
});
