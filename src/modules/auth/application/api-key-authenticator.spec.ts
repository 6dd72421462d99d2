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
    const handlers: Array<(message: string) => void> = [];
    const bus = {
      subscribe: (_topic: string, handler: (message: string) => void) => handlers.push(handler),
      publish: async () => undefined,
    } as unknown as InvalidationBus;
    const clock = { now: () => new Date() } as Clock;
    const config = { auth: { cacheTtlMs: 30_000, apiKeyPepper: pepper } } as AppConfig;
    const auth = new ApiKeyAuthenticator(repo, bus, config, clock);
    auth.onModuleInit();
    return {
      auth,
      lookups: () => lookups,
      invalidate: (prefix: string) => handlers.forEach((h) => h(prefix)),
    };
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

  it('a secret that verified once is recognised again, and a different one is still refused', async () => {
    const { auth } = setup();
    const wrong = issued.key.slice(0, -1) + (issued.key.endsWith('a') ? 'b' : 'a');
    await expect(auth.authenticate(issued.key)).resolves.toMatchObject({ id: 'k1' });
    await expect(auth.authenticate(wrong)).rejects.toMatchObject({ code: 'invalid_api_key' });
    await expect(auth.authenticate(issued.key)).resolves.toMatchObject({ id: 'k1' });
  });

  it('an invalidation drops the verified secret with the key: the next use looks the key up again', async () => {
    const { auth, lookups, invalidate } = setup();
    await auth.authenticate(issued.key);
    await auth.authenticate(issued.key);
    expect(lookups()).toBe(1);
    invalidate(issued.prefix);
    await auth.authenticate(issued.key);
    expect(lookups()).toBe(2);
  });
});
