#!/usr/bin/env node
// `npm run server`: the mock chat server over HTTP + socket.io, with the demo seed,
// on 127.0.0.1 (PORT, default 4000; HOST to bind elsewhere; PARLEY_ADMIN_KEY for the
// admin key, default a random one per start). PARLEY_CORS_ORIGINS lists the pages that
// may use it from a browser (comma-separated origins; default Storybook's, for the Live
// server story); PARLEY_ALLOWED_HOSTS adds Host names besides loopback (or `true` for
// any). PARLEY_DEMO_TOKENS=0 turns the demo tokens (<id>-token) off: then only tokens
// issued through the admin API work, and HOST may be an address other machines reach
// (with demo tokens on, such a HOST is refused). Prints its URL, the admin key and the
// demo tokens.
// Ctrl+C (or SIGTERM) closes it cleanly and removes its upload directory.
//
// Why this way: Node 20 cannot run TypeScript, so src/mock-server/node.ts is bundled
// (scripts/bundleForNode.mjs) into node_modules/.cache/parley-server/ and imported from there. The bundle
// takes well under a second, so it is rebuilt on every start: never stale.
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { bundleForNode } from './bundleForNode.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const outfile = path.join(root, 'node_modules', '.cache', 'parley-server', 'node.mjs');
await bundleForNode({ entry: path.join(root, 'src/mock-server/node.ts'), outfile });

const { startMockServer } = await import(pathToFileURL(outfile).href);

const list = (value) => value.split(',').map((s) => s.trim()).filter((s) => s !== '');
const port = Number(process.env.PORT ?? 4000);
const host = process.env.HOST ?? '127.0.0.1';
const corsOrigins = list(process.env.PARLEY_CORS_ORIGINS ?? 'http://127.0.0.1:6006,http://localhost:6006');
const hostsEnv = process.env.PARLEY_ALLOWED_HOSTS;
const allowedHosts = hostsEnv === undefined ? undefined : hostsEnv.trim() === 'true' ? true : list(hostsEnv);
const demoTokensEnv = (process.env.PARLEY_DEMO_TOKENS ?? '1').trim();
if (!['0', '1', 'false', 'true'].includes(demoTokensEnv)) {
  console.error(`PARLEY_DEMO_TOKENS must be 0 or 1 (false or true), not ${JSON.stringify(demoTokensEnv)}`);
  process.exit(1);
}
const demoTokens = demoTokensEnv === '1' || demoTokensEnv === 'true';
const { url, server, adminKey, close } = await startMockServer({
  port,
  host,
  corsOrigins,
  allowedHosts,
  demoTokens,
  ...(process.env.PARLEY_ADMIN_KEY ? { adminKey: process.env.PARLEY_ADMIN_KEY } : {}),
  seed: process.env.SEED ?? 'demo',
  warmSearch: true,
});

const humans = server.users().filter((u) => !u.isBot);
console.log(`Parley mock server listening on ${url}`);
console.log(`  socket.io:  io('${url}', { auth: { token: ${demoTokens ? "'alice-token'" : 'token'} } })`);
console.log(`  admin key:  ${adminKey}${process.env.PARLEY_ADMIN_KEY ? '' : '  (random for this start; PARLEY_ADMIN_KEY sets one)'}`);
console.log(`  browsers:   ${corsOrigins.length > 0 ? corsOrigins.join(', ') : 'none'} (PARLEY_CORS_ORIGINS)`);
console.log(`  admin API:  curl -H 'Authorization: Bearer ${adminKey}' ${url}/admin/users`);
if (demoTokens) {
  console.log('  demo users and tokens:');
  for (const user of humans) console.log(`    ${user.id.padEnd(8)} ${user.id}-token   (${user.name})`);
} else {
  console.log(`  demo tokens: off (PARLEY_DEMO_TOKENS=0); a token for alice: curl -X POST -H 'Authorization: Bearer ${adminKey}' ${url}/admin/users/alice/tokens`);
}
console.log('Ctrl+C to stop.');

let stopping = false;
const stop = async (signal) => {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: closing…`);
  await close();
  console.log('Closed.');
  process.exit(0);
};
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
