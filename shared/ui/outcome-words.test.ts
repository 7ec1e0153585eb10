import { describe, expect, it } from 'vitest';
import { outcomeWords } from './outcome-words';

describe('outcomeWords', () => {
  it.each([
    ['ok', 'answered'],
    ['rate_limit', 'rate limit reached'],
    ['auth', 'key refused'],
    ['context_length', 'prompt too long for the model'],
  ])('says %s as "%s"', (outcome, words) => {
    expect(outcomeWords(outcome)).toBe(words);
  });

  it('reads an outcome it has no words for with spaces, not underscores', () => {
    expect(outcomeWords('request_aborted')).toBe('request aborted');
  });
});
