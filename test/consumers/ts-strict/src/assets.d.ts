// `import 'parley/styles.css'`: TypeScript 6 checks that side-effect imports resolve, and the
// package's `./styles.css` export has no types. Vite (vite/client) and Next (next-env.d.ts)
// declare CSS modules for their apps; a plain tsc project declares them itself.
declare module '*.css';
