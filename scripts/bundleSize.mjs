// Bundle sizes of the built package (dist/), as an app's bundler would ship them: an
// esbuild bundle of a tiny app entry, minified, gzip level 9, React external, code
// splitting on so that what loads lazily (dynamic import()) is counted apart from what
// loads at start. Used by `npm run size` and by test/package/size.test.ts.
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = (file) => `./dist/${file}`;
const REACT = ['react', 'react-dom', 'react/jsx-runtime', 'react-dom/client'];

/** What each measured app imports. `adds` names the app it is measured on top of. */
export const APPS = {
  everyday: {
    label: 'everyday chat (ChatProvider, ConversationList, MessageList, MessageInput, TypingIndicator, ConnectionStatus + createChatClient)',
    code: `export { ChatProvider, ConversationList, MessageList, MessageInput, TypingIndicator, ConnectionStatus } from '${dist('react/index.js')}';
export { createChatClient } from '${dist('core/index.js')}';`,
    budgetKb: 30,
  },
  all: {
    label: 'everything parley + parley/core export',
    code: `export * from '${dist('react/index.js')}';\nexport * from '${dist('core/index.js')}';`,
    budgetKb: 45,
  },
  socketio: {
    label: 'parley/socketio, on top of everything',
    code: `export * from '${dist('react/index.js')}';\nexport * from '${dist('core/index.js')}';\nexport * from '${dist('transports/socketio.js')}';`,
    adds: 'all',
    budgetKb: 15,
  },
  inputOnly: {
    label: 'MessageInput alone (with ChatProvider + createChatClient)',
    code: `export { ChatProvider, MessageInput } from '${dist('react/index.js')}';\nexport { createChatClient } from '${dist('core/index.js')}';`,
    forbidden: ['@tanstack/virtual-core', '@tanstack/react-virtual', 'socket.io-client', 'engine.io-client'],
  },
  core: { label: 'parley/core alone', code: `export * from '${dist('core/index.js')}';` },
  mockServer: { label: 'parley/mock-server', code: `export * from '${dist('mock-server/index.js')}';` },
  arabic: { label: 'parley/locales/ar', code: `export * from '${dist('i18n/ar.js')}';` },
};

const packageOf = (input) => /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input)?.[1] ?? 'parley';

/** Sizes of one app: at start (static imports from the entry) and lazily loaded, with inputs by package. */
export async function measureApp(code) {
  const outdir = path.join(root, 'node_modules', '.cache', 'parley-size');
  const result = await build({
    stdin: { contents: code, resolveDir: root, loader: 'js', sourcefile: 'app.js' },
    bundle: true,
    minify: true,
    format: 'esm',
    splitting: true,
    outdir,
    write: false,
    metafile: true,
    external: REACT,
    loader: { '.css': 'empty' },
    logLevel: 'error',
  });
  const outputs = result.metafile.outputs;
  const key = (file) => path.relative(root, file.path).split(path.sep).join('/');
  const entry = Object.keys(outputs).find((k) => outputs[k].entryPoint !== undefined);
  const atStart = new Set();
  for (const stack = [entry]; stack.length > 0; ) {
    const k = stack.pop();
    if (atStart.has(k)) continue;
    atStart.add(k);
    for (const i of outputs[k].imports) if (i.kind === 'import-statement' && outputs[i.path]) stack.push(i.path);
  }
  let startGz = 0;
  let lazyGz = 0;
  const packages = new Map();
  for (const file of result.outputFiles) {
    const k = key(file);
    const gz = gzipSync(file.contents, { level: 9 }).length;
    if (!atStart.has(k)) {
      lazyGz += gz;
      continue;
    }
    startGz += gz;
    for (const [input, { bytesInOutput }] of Object.entries(outputs[k].inputs)) {
      const name = packageOf(input);
      packages.set(name, (packages.get(name) ?? 0) + bytesInOutput);
    }
  }
  return { startKb: startGz / 1000, lazyKb: lazyGz / 1000, packages };
}

/** Every app of APPS measured, with its budget verdict. */
export async function measureAll() {
  const results = {};
  for (const [name, app] of Object.entries(APPS)) results[name] = { ...app, ...(await measureApp(app.code)) };
  for (const r of Object.values(results)) {
    r.measuredKb = r.adds ? r.startKb - results[r.adds].startKb : r.startKb;
    r.pulledIn = (r.forbidden ?? []).filter((p) => r.packages.has(p));
    r.ok = (r.budgetKb === undefined || r.measuredKb <= r.budgetKb) && r.pulledIn.length === 0;
  }
  return results;
}
