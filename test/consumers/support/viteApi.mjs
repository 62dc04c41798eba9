// Copied into a Vite consumer app and run there with `node`: Vite's JS API from the app's
// own node_modules. `build` builds (only warnings are printed); `preview` serves dist/ on
// 127.0.0.1 on a port the OS picks, prints `PREVIEW_URL <url>` and runs until SIGTERM.
import { build, preview } from 'vite';

const command = process.argv[2];
const root = process.cwd();

if (command === 'build') {
  await build({ root, logLevel: 'warn' });
} else if (command === 'preview') {
  const server = await preview({ root, logLevel: 'warn', preview: { host: '127.0.0.1', port: 0, strictPort: true } });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview has no local URL');
  console.log(`PREVIEW_URL ${url}`);
  const close = () => server.close().finally(() => process.exit(0));
  process.once('SIGTERM', close);
  process.once('SIGINT', close);
} else {
  throw new Error(`Unknown command ${command}: use build or preview`);
}
