import { describe, expect, test } from 'vitest';
import { errorMessage, parseRetryAfter } from './post-form';

describe('errorMessage', () => {
  test.each([
    ['OpenAI', '{"error": {"message": "Invalid file format.", "type": "invalid_request_error", "param": null, "code": null}}', 'Invalid file format.'],
    ['a string error', '{"error": "model not loaded"}', 'model not loaded'],
    ['FastAPI', '{"detail": "Not Found"}', 'Not Found'],
    ['FastAPI validation', '{"detail": [{"loc": ["body", "file"], "msg": "Field required"}]}', '[{"loc":["body","file"],"msg":"Field required"}]'],
    ['a message', '{"message": "Unauthorized"}', 'Unauthorized'],
    ['plain text', 'Bad Gateway\n', 'Bad Gateway'],
    ['an empty body', '', '(empty body)'],
    ['a long page', `<html>${'x'.repeat(500)}</html>`, `<html>${'x'.repeat(294)}…`],
  ])('reads %s', (_name, body, expected) => {
    expect(errorMessage(body)).toBe(expected);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-03-14T12:00:00Z');
  test.each([
    [null, undefined],
    ['', undefined],
    ['0', 0],
    [' 7 ', 7000],
    ['Sat, 14 Mar 2026 12:00:05 GMT', 5000],
    ['Sat, 14 Mar 2026 11:59:00 GMT', 0],
    ['soon', undefined],
  ])('reads %j', (value, expected) => {
    expect(parseRetryAfter(value, now)).toBe(expected);
  });
});
