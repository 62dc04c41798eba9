/**
 * The browser check every web consumer gets: Chromium opens the app, it comes online,
 * a message typed into "Message" and sent with Enter shows up as a row, and the demo
 * bot's answer to it follows. Console errors and warnings and page errors are collected.
 */
import type { Browser } from 'playwright';
import { CHROMIUM_ARGS, DEBIAN_CHROMIUM } from '../../../scripts/chromium.mjs';

/** Each wait for the page (load, online, a row) may take this long on a busy machine. */
export const PAGE_STEP_TIMEOUT_MS = 60_000;

let browser: Promise<Browser> | undefined;

export function sharedBrowser(): Promise<Browser> {
  browser ??= import('playwright').then(({ chromium }) =>
    chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? DEBIAN_CHROMIUM,
      args: [...CHROMIUM_ARGS],
      headless: true,
      timeout: PAGE_STEP_TIMEOUT_MS,
    }),
  );
  return browser;
}

export async function closeBrowser(): Promise<void> {
  const launched = browser;
  browser = undefined;
  if (launched) await (await launched.catch(() => undefined))?.close();
}

export interface ChatCheck {
  /** Console errors and warnings, page errors and failed requests, in order. */
  readonly problems: string[];
  readonly ms: number;
}

/**
 * Sends `text` in the conversation the app shows and waits for the bot's answer, which
 * quotes the longest word of the message (`echoWord`), e.g. “pineapple” (see the mock bot).
 */
export async function checkChat(url: string, text: string, echoWord: string): Promise<ChatCheck> {
  const started = Date.now();
  const page = await (await sharedBrowser()).newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() !== 'error' && message.type() !== 'warning') return;
    const where = message.location().url;
    problems.push(`console.${message.type()}: ${message.text()}${where ? ` (${where})` : ''}`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()} (${request.failure()?.errorText})`));
  page.setDefaultTimeout(PAGE_STEP_TIMEOUT_MS);
  try {
    const response = await page.goto(url, { waitUntil: 'load', timeout: PAGE_STEP_TIMEOUT_MS });
    if (response?.status() !== 200) throw new Error(`GET ${url} answered ${response?.status()}`);
    await page.getByRole('status').filter({ hasText: /^Online$/ }).waitFor();
    // The conversation's history is there before we add to it.
    await page.locator('[role="article"][data-message-id]').first().waitFor();
    const input = page.getByRole('textbox', { name: 'Message' });
    await input.fill(text);
    await input.press('Enter');
    await page.locator('[role="article"][data-message-id][data-own="true"][data-status="sent"]', { hasText: text }).waitFor();
    await page.locator('[role="article"][data-message-id][data-own="false"]', { hasText: `“${echoWord}”` }).waitFor();
    if (await input.inputValue()) throw new Error('The message input was not cleared after sending');
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new Error(`${why}\nProblems seen in the page so far:\n${problems.join('\n') || '(none)'}`);
  } finally {
    await page.close();
  }
  return { problems, ms: Date.now() - started };
}
