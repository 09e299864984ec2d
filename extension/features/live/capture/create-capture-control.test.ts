import { expect, test, vi } from 'vitest';
import type { TokenPair } from '@sufler/shared';
import { panelAccessToken } from './create-capture-control';

vi.mock('wxt/browser', () => ({ browser: {} }));

const pair = (accessToken: string, accessTokenExpiresAt: number): TokenPair => ({
  accessToken,
  accessTokenExpiresAt,
  refreshToken: 'r'.repeat(30),
  refreshTokenExpiresAt: accessTokenExpiresAt + 1e9,
  user: { id: '00000000-0000-4000-8000-000000000001', email: 'rep@example.com', role: 'consultant', active: true },
});

test.each([
  ['fresh: handed out as it is, no call', 10 * 60_000, 0, 'old'],
  ['expiring within a minute: refreshed through the panel client first', 30_000, 1, 'new'],
  ['expired: refreshed', -5_000, 1, 'new'],
])('panelAccessToken, %s', async (_name, leftMs, touches, expected) => {
  let tokens: TokenPair | null = pair('old', 1_000_000 + leftMs);
  const touch = vi.fn(async () => {
    tokens = pair('new', 1_000_000 + 15 * 60_000); // what the refresh link and session bridge do
  });
  const get = panelAccessToken({ getTokens: () => tokens, touch, now: () => 1_000_000 });
  expect(await get()).toBe(expected);
  expect(touch).toHaveBeenCalledTimes(touches);
});

test('panelAccessToken: logged out (refresh refused) gives null, a failed call does not throw', async () => {
  let tokens: TokenPair | null = pair('old', 0);
  const get = panelAccessToken({
    getTokens: () => tokens,
    touch: async () => {
      tokens = null;
      throw new Error('UNAUTHORIZED');
    },
    now: () => 1_000_000,
  });
  expect(await get()).toBeNull();
});
