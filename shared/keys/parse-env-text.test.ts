import { describe, expect, it } from 'vitest';
import { parseEnvText } from './parse-env-text';

describe('parseEnvText', () => {
  it('reads plain, exported, quoted and commented lines, with CRLF line ends', () => {
    const text = [
      '# my keys',
      '',
      'GROQ_API_KEY=gsk_plain_value',
      'export CEREBRAS_API_KEY="csk-double-quoted"',
      "  MISTRAL_API_KEY = 'single quoted # not a comment'  ",
      'OPENROUTER_API_KEY=sk-or-v1-abc # trailing comment',
      'HF_TOKEN=`hf_backticks`',
      'ESCAPED="a\\"b"',
      'EMPTY=',
    ].join('\r\n');
    expect(parseEnvText(text)).toEqual([
      { kind: 'entry', line: 3, name: 'GROQ_API_KEY', value: 'gsk_plain_value' },
      { kind: 'entry', line: 4, name: 'CEREBRAS_API_KEY', value: 'csk-double-quoted' },
      { kind: 'entry', line: 5, name: 'MISTRAL_API_KEY', value: 'single quoted # not a comment' },
      { kind: 'entry', line: 6, name: 'OPENROUTER_API_KEY', value: 'sk-or-v1-abc' },
      { kind: 'entry', line: 7, name: 'HF_TOKEN', value: 'hf_backticks' },
      { kind: 'entry', line: 8, name: 'ESCAPED', value: 'a"b' },
      { kind: 'entry', line: 9, name: 'EMPTY', value: '' },
    ]);
  });

  it('reports unreadable lines by number and reason, never by content', () => {
    const lines = parseEnvText(
      'gsk_pasted_without_a_name\nGROQ_API_KEY="gsk_never_closed\n1BAD=x\nOK=1\rLAST="x" junk',
    );
    expect(lines).toEqual([
      { kind: 'malformed', line: 1, reason: { code: 'not-an-assignment' } },
      { kind: 'malformed', line: 2, reason: { code: 'quote-not-closed', variable: 'GROQ_API_KEY' } },
      { kind: 'malformed', line: 3, reason: { code: 'not-an-assignment' } },
      { kind: 'entry', line: 4, name: 'OK', value: '1' },
      { kind: 'malformed', line: 5, reason: { code: 'quote-not-closed', variable: 'LAST' } },
    ]);
    expect(JSON.stringify(lines)).not.toContain('gsk_');
  });
});
