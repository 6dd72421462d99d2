import { FindOptionsOrder, FindOptionsWhere, ObjectLiteral, Repository, SelectQueryBuilder } from 'typeorm';
import { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { TenantId } from '../domain/tenant-id';

/** Entities of tenant-owned tables carry this column. */
export interface TenantOwned extends ObjectLiteral {
  tenantId: string;
}

/**
 * The one mechanism that keeps a tenant inside its own rows: every read and write of a tenant-owned
 * table in a TypeORM adapter goes through here, so the tenant filter cannot be forgotten in a query.
 * A row of another tenant is indistinguishable from a missing row (callers answer 404).
 */
export class TenantScoped<T extends TenantOwned> {
  constructor(readonly repo: Repository<T>) {}

  private scoped(tenantId: TenantId, where: FindOptionsWhere<T> = {}): FindOptionsWhere<T> {
    return { ...where, tenantId } as FindOptionsWhere<T>;
  }

  findOne(tenantId: TenantId, where: FindOptionsWhere<T>): Promise<T | null> {
    return this.repo.findOne({ where: this.scoped(tenantId, where) });
  }

  find(
    tenantId: TenantId,
    where: FindOptionsWhere<T> = {},
    opts: { order?: FindOptionsOrder<T>; take?: number; skip?: number } = {},
  ): Promise<T[]> {
    return this.repo.find({ where: this.scoped(tenantId, where), ...opts });
  }

  count(tenantId: TenantId, where: FindOptionsWhere<T> = {}): Promise<number> {
    return this.repo.count({ where: this.scoped(tenantId, where) });
  }

  /** A query builder that already filters `alias.tenant_id = :tenantId`; add conditions with andWhere. */
  queryBuilder(tenantId: TenantId, alias: string): SelectQueryBuilder<T> {
    return this.repo
      .createQueryBuilder(alias)
      .where(`${alias}.tenant_id = :__tenantId`, { __tenantId: tenantId });
  }

  async insert(tenantId: TenantId, row: Omit<T, 'tenantId'> | T): Promise<void> {
    await this.repo.insert({ ...row, tenantId } as unknown as QueryDeepPartialEntity<T>);
  }

  /** Returns how many rows changed (0 means not found in this tenant). */
  async update(
    tenantId: TenantId,
    where: FindOptionsWhere<T>,
    patch: QueryDeepPartialEntity<T>,
  ): Promise<number> {
    const { tenantId: _ignored, ...safePatch } = patch as QueryDeepPartialEntity<T> & { tenantId?: unknown };
    const result = await this.repo.update(
      this.scoped(tenantId, where),
      safePatch as unknown as QueryDeepPartialEntity<T>,
    );
    return result.affected ?? 0;
  }

  async delete(tenantId: TenantId, where: FindOptionsWhere<T>): Promise<number> {
    const result = await this.repo.delete(this.scoped(tenantId, where));
    return result.affected ?? 0;
  }
}
