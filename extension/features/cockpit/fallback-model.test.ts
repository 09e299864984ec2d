import { describe, expect, test } from 'vitest';
import type { ProducedBy } from '@sufler/shared';
import { fallbackModel } from './fallback-model';

const llm = (model: string): ProducedBy => ({ mode: 'llm', model });
const rules: ProducedBy = { mode: 'rules', model: null, reason: 'no model' };
const chain = [{ model: 'gpt-oss:20b' }, { model: 'qwen3:8b' }];

describe('fallbackModel', () => {
  test.each([
    ['the first model answered both', [llm('gpt-oss:20b'), llm('gpt-oss:20b')], chain, null],
    ['the second model answered the suggestions', [llm('gpt-oss:20b'), llm('qwen3:8b')], chain, 'qwen3:8b'],
    ['the second model answered the analysis', [llm('qwen3:8b'), rules], chain, 'qwen3:8b'],
    ['rules mode is not a fallback model', [rules, rules], chain, null],
    ['nothing analysed yet', [null, null], chain, null],
    ['chain unknown (health not read yet)', [llm('qwen3:8b'), null], undefined, null],
    ['empty chain (model off)', [llm('qwen3:8b'), null], [], null],
  ])('%s', (_name, producedBy, knownChain, expected) => {
    expect(fallbackModel(producedBy, knownChain)).toBe(expected);
  });
});
