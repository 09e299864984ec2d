import { describe, expect, test } from 'vitest';
import { createMemoryLoginThrottle } from './login-throttle';

describe('createMemoryLoginThrottle', () => {
  const setup = () => {
    let clock = 1_000_000;
    const throttle = createMemoryLoginThrottle({ max: 3, windowSeconds: 60 }, () => clock);
    return { throttle, advance: (s: number) => (clock += s * 1000) };
  };

  test('refuses after max failures in the window, with the wait until the oldest one expires', async () => {
    const { throttle, advance } = setup();
    expect(await throttle.fail('a')).toBe(1);
    advance(10);
    await throttle.fail('a');
    await throttle.fail('a');
    expect(await throttle.check('a')).toEqual({ allowed: false, retryAfterSeconds: 50, firstRefusal: true });
    expect(await throttle.check('a')).toEqual({ allowed: false, retryAfterSeconds: 50, firstRefusal: false });
    expect(await throttle.check('b')).toEqual({ allowed: true });
    advance(50);
    expect(await throttle.check('a')).toEqual({ allowed: true });
  });

  test('the window slides: failures older than it no longer count', async () => {
    const { throttle, advance } = setup();
    await throttle.fail('a');
    advance(30);
    await throttle.fail('a');
    advance(31);
    expect(await throttle.fail('a')).toBe(2);
    expect(await throttle.check('a')).toEqual({ allowed: true });
  });

  test('reset forgets a key; a refusal is noted once per window', async () => {
    const { throttle, advance } = setup();
    for (let i = 0; i < 3; i++) await throttle.fail('a');
    expect(await throttle.check('a')).toMatchObject({ firstRefusal: true });
    await throttle.reset('a');
    expect(await throttle.check('a')).toEqual({ allowed: true });
    for (let i = 0; i < 3; i++) await throttle.fail('b');
    await throttle.check('b');
    advance(61);
    for (let i = 0; i < 3; i++) await throttle.fail('b');
    expect(await throttle.check('b')).toMatchObject({ allowed: false, firstRefusal: true });
  });
});
