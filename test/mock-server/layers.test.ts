// @vitest-environment node
/**
 * The mock server's domain knows no transport: only its adapter builds memory
 * transports, so the same domain serves socket.io, a WebSocket bridge or a test recorder.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../../src/mock-server');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** Every module specifier a file imports or re-exports from. */
function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:import|export)\s[^;]*?from\s+'([^']+)'/g)].map((m) => m[1]!);
}

describe('mock server layers', () => {
  it('only memoryAdapter.ts imports from src/transports', () => {
    const importers = sourceFiles(root)
      .filter((file) => imports(file).some((specifier) => /(^|\/)transports\//.test(specifier)))
      .map((file) => path.relative(root, file));
    expect(importers).toEqual(['memoryAdapter.ts']);
  });
});
