import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { QueryFailedError, Repository } from 'typeorm';
import { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { TenantScoped } from '../../../shared/persistence/tenant-scoped';
import { TenantId } from '../../../shared/domain/tenant-id';
import { ConflictError } from '../../../shared/domain/domain-error';
import { Agent, AgentStatus } from '../domain/agent';
import { AgentPage, AgentRepository } from '../domain/agent.repository.port';
import { decodeCursor, pageFrom } from '../../../shared/http/cursor';
import { AgentOrmEntity } from './agent.orm-entity';

const toDomain = (row: AgentOrmEntity): Agent => ({
  ...row,
  tenantId: row.tenantId as TenantId,
  status: row.status as AgentStatus,
});

const toRow = (agent: Agent): AgentOrmEntity => Object.assign(new AgentOrmEntity(), agent);

/** Unique violations become 409s that name the taken field. */
function rethrowConflict(error: unknown): never {
  const driver = (error as QueryFailedError & { driverError?: { code?: string; constraint?: string } })
    .driverError;
  if (error instanceof QueryFailedError && driver?.code === '23505') {
    if (driver.constraint === 'agents_tenant_external_id_uq')
      throw new ConflictError('agent_external_id_taken', 'Another agent already has this externalId');
    throw new ConflictError('agent_slug_taken', 'Another agent already has this slug');
  }
  throw error;
}

@Injectable()
export class TypeOrmAgentRepository extends AgentRepository {
  private readonly agents: TenantScoped<AgentOrmEntity>;

  constructor(@InjectRepository(AgentOrmEntity) repo: Repository<AgentOrmEntity>) {
    super();
    this.agents = new TenantScoped(repo);
  }

  /** ON CONFLICT DO NOTHING: a taken slug is an expected answer, not a failed query in the logs. */
  async insert(agent: Agent): Promise<void> {
    const result = await this.agents.repo
      .createQueryBuilder()
      .insert()
      .values(toRow(agent) as QueryDeepPartialEntity<AgentOrmEntity>)
      .orIgnore()
      .returning('id')
      .execute();
    if (result.raw.length) return;
    if (await this.findBySlug(agent.tenantId, agent.slug))
      throw new ConflictError('agent_slug_taken', 'Another agent already has this slug');
    throw new ConflictError('agent_external_id_taken', 'Another agent already has this externalId');
  }

  async save(agent: Agent): Promise<void> {
    const taken = await this.findBySlug(agent.tenantId, agent.slug);
    if (taken && taken.id !== agent.id)
      throw new ConflictError('agent_slug_taken', 'Another agent already has this slug');
    const { id, tenantId, createdAt: _c, updatedAt: _u, ...patch } = toRow(agent);
    await this.agents
      .update(tenantId as TenantId, { id }, patch as QueryDeepPartialEntity<AgentOrmEntity>)
      .catch(rethrowConflict);
  }

  async findById(tenantId: TenantId, id: string): Promise<Agent | null> {
    const row = await this.agents.findOne(tenantId, { id });
    return row && toDomain(row);
  }

  async findBySlug(tenantId: TenantId, slug: string): Promise<Agent | null> {
    const row = await this.agents.findOne(tenantId, { slug });
    return row && toDomain(row);
  }

  async list(
    tenantId: TenantId,
    filter: { status?: AgentStatus; limit: number; cursor?: string },
  ): Promise<AgentPage> {
    const q = this.agents.queryBuilder(tenantId, 'a');
    if (filter.status) q.andWhere('a.status = :status', { status: filter.status });
    if (filter.cursor) {
      const [createdAt, id] = decodeCursor(filter.cursor, ['timestamp', 'uuid']);
      q.andWhere('(a.created_at, a.id) < (:createdAt, :id)', { createdAt, id });
    }
    const rows = await q
      .orderBy('a.created_at', 'DESC')
      .addOrderBy('a.id', 'DESC')
      .take(filter.limit + 1)
      .getMany();
    return pageFrom(rows.map(toDomain), filter.limit, (last) => [last.createdAt, last.id]);
  }
}
