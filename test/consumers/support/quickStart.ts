/** README's quick-start snippet: the ```tsx block right after the line `<!-- quick-start -->`. */
import { readFileSync } from 'node:fs';

export const QUICK_START_MARKER = '<!-- quick-start -->';

export const MISSING_QUICK_START =
  `README.md has no quick-start block: expected a line "${QUICK_START_MARKER}" followed directly by a \`\`\`tsx ` +
  'fenced block (the snippet the Vite React 19 consumer type-checks).';

/** The block's source, or undefined when the marker or the block right after it is missing. */
export function extractQuickStart(readme: string): string | undefined {
  const lines = readme.split(/\r?\n/);
  const at = lines.findIndex((line) => line.trim() === QUICK_START_MARKER);
  if (at < 0) return undefined;
  let open = at + 1;
  while (open < lines.length && lines[open]!.trim() === '') open++;
  if (!/^```tsx\s*$/.test(lines[open] ?? '')) return undefined;
  const close = lines.findIndex((line, i) => i > open && /^```\s*$/.test(line));
  if (close < 0) return undefined;
  return `${lines.slice(open + 1, close).join('\n')}\n`;
}

export function readQuickStart(readmePath: string): string | undefined {
  return extractQuickStart(readFileSync(readmePath, 'utf8'));
}
