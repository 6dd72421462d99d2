import { generateApiKey, parseApiKey } from './api-key-token';

describe('API key format', () => {
  it('round-trips a generated key and exposes its prefix', () => {
    const { key, prefix, secret } = generateApiKey();
    expect(key).toMatch(/^tg_live_[a-z0-9]{12}_/);
    expect(parseApiKey(key)).toEqual({ prefix, secret });
  });
  it('rejects malformed keys', () => {
    const { key } = generateApiKey();
    expect(parseApiKey(key.slice(0, -1))).toBeNull();
    expect(parseApiKey(key.replace('tg_live_', 'tg_test_'))).toBeNull();
    expect(parseApiKey('tg_live_')).toBeNull();
  });
});
