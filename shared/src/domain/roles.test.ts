import { describe, expect, test } from 'vitest';
import { canSeeClient, type Role } from './roles';

describe('canSeeClient', () => {
  test.each<[Role, string, boolean]>([
    ['consultant', 'me', true],
    ['consultant', 'someone-else', false],
    ['manager', 'someone-else', true],
    ['admin', 'someone-else', true],
  ])('%s looking at a client owned by %s → %s', (role, ownerId, expected) => {
    expect(canSeeClient({ id: 'me', role }, ownerId)).toBe(expected);
  });
});
