import { AppConfig } from '../../../config/app-config';
import { asTenantId } from '../../../shared/domain/tenant-id';
import { Agent } from '../domain/agent';
import { AgentRepository } from '../domain/agent.repository.port';
import { AgentCache } from './agent-cache';

describe('AgentCache', () => {
  const tenant = asTenantId('00000000-0000-4000-8000-000000000001');
  const agent = { id: 'a1', tenantId: tenant, slug: 'support' } as unknown as Agent;
  const setup = () => {
    let calls = 0;
    let fail = false;
    const repo = {
      findBySlug: async () => {
        calls++;
        await new Promise((r) => setTimeout(r, 5));
        if (fail) throw new Error('database down');
        return agent;
      },
    } as unknown as AgentRepository;
    const cache = new AgentCache(repo, { chat: { agentCacheMs: 60_000 } } as AppConfig);
    return { cache, calls: () => calls, failNext: (v: boolean) => (fail = v) };
  };

  it('concurrent misses share one load', async () => {
    const { cache, calls } = setup();
    const found = await Promise.all(Array.from({ length: 50 }, () => cache.bySlug(tenant, 'support')));
    expect(found.every((a) => a === agent)).toBe(true);
    expect(calls()).toBe(1);
    await cache.bySlug(tenant, 'support');
    expect(calls()).toBe(1);
  });

  it('a failed load is not cached, and forget() evicts by id', async () => {
    const { cache, calls, failNext } = setup();
    failNext(true);
    await expect(cache.bySlug(tenant, 'support')).rejects.toThrow('database down');
    failNext(false);
    await expect(cache.bySlug(tenant, 'support')).resolves.toBe(agent);
    expect(calls()).toBe(2);
    cache.forget({ tenantId: tenant, id: 'a1', slug: 'renamed' });
    await cache.bySlug(tenant, 'support');
    expect(calls()).toBe(3);
  });
});
