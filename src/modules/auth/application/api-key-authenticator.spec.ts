import { AppConfig } from '../../../config/app-config';
import { Clock } from '../../../shared/domain/clock.port';
import { asTenantId } from '../../../shared/domain/tenant-id';
import { InvalidationBus } from '../../../shared/contracts/invalidation-bus';
import { generateApiKey } from '../domain/api-key-token';
import { ApiKeyRepository, StoredApiKey } from '../domain/auth.ports';
import { ApiKeyAuthenticator } from './api-key-authenticator';
import { hashApiKeySecret } from './api-keys';

describe('ApiKeyAuthenticator', () => {
  const pepper = 'test-pepper';
  const issued = generateApiKey();
  const stored: StoredApiKey = {
    id: 'k1',
    tenantId: asTenantId('00000000-0000-4000-8000-000000000001'),
    name: 'k',
    prefix: issued.prefix,
    secretHash: hashApiKeySecret(pepper, issued.secret),
    scopes: ['chat:invoke'],
    createdBy: null,
    expiresAt: null,
    lastUsedAt: null,
    revokedAt: null,
    createdAt: new Date(),
  };
  const setup = () => {
    let lookups = 0;
    const repo = {
      findByPrefix: async (prefix: string) => {
        lookups++;
        await new Promise((r) => setTimeout(r, 5));
        return prefix === stored.prefix ? stored : null;
      },
      touch: async () => undefined,
    } as unknown as ApiKeyRepository;
    const bus = { subscribe: () => undefined, publish: async () => undefined } as unknown as InvalidationBus;
    const clock = { now: () => new Date() } as Clock;
    const config = { auth: { cacheTtlMs: 30_000, apiKeyPepper: pepper } } as AppConfig;
    return { auth: new ApiKeyAuthenticator(repo, bus, config, clock), lookups: () => lookups };
  };

  it('concurrent requests with an uncached key share one lookup', async () => {
    const { auth, lookups } = setup();
    const keys = await Promise.all(Array.from({ length: 50 }, () => auth.authenticate(issued.key)));
    expect(keys.every((k) => k.id === 'k1')).toBe(true);
    expect(lookups()).toBe(1);
  });

  it('an unknown key or a wrong secret is refused', async () => {
    const { auth } = setup();
    const other = generateApiKey();
    await expect(auth.authenticate(other.key)).rejects.toMatchObject({ code: 'invalid_api_key' });
    await expect(
      auth.authenticate(issued.key.slice(0, -1) + (issued.key.endsWith('a') ? 'b' : 'a')),
    ).rejects.toMatchObject({
      code: 'invalid_api_key',
    });
  });
});
