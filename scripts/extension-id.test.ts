import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HOST_NAME } from '../local-api/install.mjs';
import { LOCAL_API_HOST_NAME } from '../shared/protocol/local-endpoint-messages';

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');

describe('the extension id the local endpoint host is installed for', () => {
  it('is the id Chromium derives from the manifest key (sha256 of the key, 32 hex digits as a-p)', () => {
    const der = Buffer.from(read('./extension-public-key.txt').trim(), 'base64');
    const hex = createHash('sha256').update(der).digest('hex').slice(0, 32);
    const id = [...hex].map((digit) => String.fromCharCode(97 + parseInt(digit, 16))).join('');
    expect(JSON.parse(read('../local-api/extension-ids.json')).chromium).toBe(id);
  });

  it('and the host name the installer writes is the one the background connects to', () => {
    expect(HOST_NAME).toBe(LOCAL_API_HOST_NAME);
  });
});
