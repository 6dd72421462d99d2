import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../../config/app-config';
import { AgentCatalog } from '../../../shared/contracts/agents';
import { TenantId } from '../../../shared/domain/tenant-id';
import { Agent } from '../domain/agent';
import { AgentRepository } from '../domain/agent.repository.port';

interface Entry {
  load: Promise<Agent | null>;
  /** Set once the load has resolved. */
  agent?: Agent | null;
  expires: number;
}

/**
 * Agents read on the chat hot path, cached for CHAT_AGENT_CACHE_MS (default 2 s). Updates in this
 * process evict at once; another replica sees a change within the TTL. Concurrent misses share one load:
 * under load every expiry otherwise sent one query per request in flight (tens at once) to Postgres.
 */
@Injectable()
export class AgentCache extends AgentCatalog {
  private readonly entries = new Map<string, Entry>();
  private readonly ttlMs: number;

  constructor(
    private readonly agents: AgentRepository,
    config: AppConfig,
  ) {
    super();
    this.ttlMs = config.chat.agentCacheMs;
  }

  byId(tenantId: TenantId, id: string): Promise<Agent | null> {
    return this.cached(`${tenantId}:id:${id}`, () => this.agents.findById(tenantId, id));
  }

  bySlug(tenantId: TenantId, slug: string): Promise<Agent | null> {
    return this.cached(`${tenantId}:slug:${slug}`, () => this.agents.findBySlug(tenantId, slug));
  }

  forget(agent: Pick<Agent, 'tenantId' | 'id' | 'slug'>): void {
    // The slug may have changed: drop every entry of this agent.
    for (const [key, entry] of this.entries)
      if (key === `${agent.tenantId}:id:${agent.id}` || entry.agent?.id === agent.id)
        this.entries.delete(key);
    this.entries.delete(`${agent.tenantId}:slug:${agent.slug}`);
  }

  private cached(key: string, load: () => Promise<Agent | null>): Promise<Agent | null> {
    if (this.ttlMs === 0) return load();
    const now = Date.now();
    const hit = this.entries.get(key);
    if (hit && hit.expires > now) return hit.load;
    if (this.entries.size > 10_000) this.entries.clear();
    const entry: Entry = { load: load(), expires: now + this.ttlMs };
    this.entries.set(key, entry);
    entry.load.then(
      (agent) => (entry.agent = agent),
      // A failed load is not kept: the next request tries again.
      () => this.entries.get(key) === entry && this.entries.delete(key),
    );
    return entry.load;
  }
}
