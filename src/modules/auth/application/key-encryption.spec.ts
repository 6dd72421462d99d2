import { randomBytes } from 'node:crypto';
import { decryptSecret, encryptSecret } from './key-encryption';

describe('key encryption (AES-256-GCM)', () => {
  const key = randomBytes(32);
  it('round-trips and never stores the plaintext', () => {
    const sealed = encryptSecret('{"d":"secret"}', key);
    expect(sealed).not.toContain('secret');
    expect(decryptSecret(sealed, key)).toBe('{"d":"secret"}');
  });
  it('fails on a wrong key or a tampered ciphertext', () => {
    const sealed = encryptSecret('private', key);
    expect(() => decryptSecret(sealed, randomBytes(32))).toThrow();
    const parts = sealed.split('.');
    parts[3] = Buffer.from('tampered').toString('base64url');
    expect(() => decryptSecret(parts.join('.'), key)).toThrow();
  });
});
