import { expect, test } from 'vitest';
import { en } from '../../src/i18n/en';
import { connectionLabel } from '../../src/react/components/ConnectionStatus/ConnectionStatus';
import { secondsUntil } from '../../src/react/components/ConnectionStatus/useRetryCountdown';

test('secondsUntil rounds up and never goes below zero', () => {
  expect(secondsUntil(10_000, 6_000)).toBe(4);
  expect(secondsUntil(10_000, 6_001)).toBe(4);
  expect(secondsUntil(10_000, 5_999)).toBe(5);
  expect(secondsUntil(10_000, 9_999)).toBe(1);
  expect(secondsUntil(10_000, 10_000)).toBe(0);
  expect(secondsUntil(10_000, 20_000)).toBe(0);
});

test.each([
  [{ state: 'idle' }, 'Not connected'],
  [{ state: 'connecting' }, 'Connecting…'],
  [{ state: 'online' }, 'Online'],
  [{ state: 'reconnecting', nextRetryAt: 5 }, 'Reconnecting…'],
  [{ state: 'offline' }, 'Offline'],
  [{ state: 'offline', error: { code: 'unauthorized', message: 'Bad token' } }, 'Sign-in was refused: Bad token'],
] as const)('%j → %s', (connection, label) => {
  expect(connectionLabel(en, connection)).toBe(label);
});

test.each([
  [{ state: 'offline', error: { code: 'token_expired', message: 'Expired' } }, false, 'Sign-in was refused: Expired'],
  [{ state: 'offline', error: { code: 'unauthorized', message: 'This token was revoked' } }, true, 'Signed out: your session is no longer valid'],
  [{ state: 'offline', error: { code: 'token_expired', message: 'Expired' } }, true, 'Signed out: your session is no longer valid'],
  [{ state: 'offline', error: { code: 'disconnected', message: 'The mock server was disposed' } }, true, 'Offline'],
  [{ state: 'offline' }, true, 'Offline'],
] as const)('%j after being online: %s → %s', (connection, wasOnline, label) => {
  expect(connectionLabel(en, connection, wasOnline)).toBe(label);
});
