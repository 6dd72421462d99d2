import { TenantId } from '../../../shared/domain/tenant-id';
import { Agent, AgentStatus } from './agent';

export interface AgentPage {
  items: Agent[];
  nextCursor: string | null;
}

export abstract class AgentRepository {
  /** Throws ConflictError when the slug or external id is taken in the tenant. */
  abstract insert(agent: Agent): Promise<void>;
  /** Writes the whole agent (after a use case changed it); ConflictError on a taken slug/external id. */
  abstract save(agent: Agent): Promise<void>;
  abstract findById(tenantId: TenantId, id: string): Promise<Agent | null>;
  abstract findBySlug(tenantId: TenantId, slug: string): Promise<Agent | null>;
  abstract list(
    tenantId: TenantId,
    filter: { status?: AgentStatus; limit: number; cursor?: string },
  ): Promise<AgentPage>;
}
