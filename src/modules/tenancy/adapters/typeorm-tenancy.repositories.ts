import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { Role } from '../../../shared/context/principal';
import { newId } from '../../../shared/domain/ids';
import { asTenantId, TenantId } from '../../../shared/domain/tenant-id';
import { TenantScoped } from '../../../shared/persistence/tenant-scoped';
import { crossTenantQuery, globalQuery, tenantQuery } from '../../../shared/persistence/tenant-sql';
import {
  Organization,
  OrganizationRepository,
  OrganizationWithRole,
} from '../domain/organization.repository.port';
import { Member, MembershipRepository, UserIdentity } from '../domain/membership.repository.port';
import { UserMembership } from '../../../shared/contracts/memberships';
import { AuditAction } from '../../../shared/contracts/audit-trail';
import { AuditEntry, AuditLogRepository, AuditQuery } from '../domain/audit-log.repository.port';
import { AuditLogRow, MembershipRow, OrganizationRow } from './tenancy.orm-entities';

@Injectable()
export class TypeOrmOrganizationRepository extends OrganizationRepository {
  constructor(private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>) {
    super();
  }

  async create(org: { id: TenantId; name: string }): Promise<void> {
    await this.txHost.tx.getRepository(OrganizationRow).insert({ id: org.id, name: org.name });
  }

  async findById(id: TenantId): Promise<Organization | null> {
    const row = await this.txHost.tx.getRepository(OrganizationRow).findOne({ where: { id } });
    return row
      ? { id: asTenantId(row.id), name: row.name, timezone: row.timezone, createdAt: row.createdAt }
      : null;
  }

  async findForUser(userId: string): Promise<OrganizationWithRole[]> {
    const rows = await crossTenantQuery<{
      id: string;
      name: string;
      timezone: string;
      created_at: Date;
      role: Role;
    }>(
      this.txHost.tx,
      "a user's organizations are one membership in each tenant",
      `SELECT o.id, o.name, o.timezone, o.created_at, m.role FROM memberships m JOIN organizations o ON o.id = m.tenant_id
       WHERE m.user_id = $1 ORDER BY o.created_at, o.id`,
      [userId],
    );
    return rows.map((r) => ({
      id: asTenantId(r.id),
      name: r.name,
      timezone: r.timezone,
      createdAt: r.created_at,
      role: r.role,
    }));
  }

  async rename(id: TenantId, name: string): Promise<void> {
    await this.txHost.tx.getRepository(OrganizationRow).update({ id }, { name });
  }

  async setTimezone(id: TenantId, timezone: string): Promise<void> {
    await this.txHost.tx.getRepository(OrganizationRow).update({ id }, { timezone });
  }

  async lock(id: TenantId): Promise<void> {
    await tenantQuery(this.txHost.tx, id, `SELECT 1 FROM organizations WHERE id = $1 FOR UPDATE`);
  }
}

@Injectable()
export class TypeOrmMembershipRepository extends MembershipRepository {
  constructor(private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>) {
    super();
  }

  private get rows() {
    return new TenantScoped(this.txHost.tx.getRepository(MembershipRow));
  }

  async add(tenantId: TenantId, userId: string, role: Role): Promise<boolean> {
    const rows = await tenantQuery(
      this.txHost.tx,
      tenantId,
      `INSERT INTO memberships (id, tenant_id, user_id, role) VALUES ($2, $1, $3, $4)
       ON CONFLICT (tenant_id, user_id) DO NOTHING RETURNING id`,
      [newId(), userId, role],
    );
    return rows.length > 0;
  }

  private members(tenantId: TenantId) {
    return this.rows
      .queryBuilder(tenantId, 'm')
      .innerJoin('users', 'u', 'u.id = m.user_id')
      .select([
        'm.user_id AS user_id',
        'u.email AS email',
        'u.name AS name',
        'm.role AS role',
        'm.created_at AS joined_at',
      ])
      .orderBy('m.created_at')
      .addOrderBy('m.user_id');
  }

  async find(tenantId: TenantId, userId: string): Promise<Member | null> {
    const row = await this.members(tenantId).andWhere('m.user_id = :userId', { userId }).getRawOne();
    return row ? toMember(row) : null;
  }

  async list(tenantId: TenantId): Promise<Member[]> {
    return (await this.members(tenantId).getRawMany()).map(toMember);
  }

  async listForUser(userId: string): Promise<UserMembership[]> {
    const rows = await crossTenantQuery<{ tenant_id: string; role: Role; is_default: boolean }>(
      this.txHost.tx,
      "a user's memberships span tenants",
      `SELECT m.tenant_id, m.role, m.tenant_id = u.default_organization_id IS TRUE AS is_default
       FROM memberships m JOIN users u ON u.id = m.user_id
       WHERE m.user_id = $1 ORDER BY m.created_at, m.tenant_id`,
      [userId],
    );
    return rows.map((r) => ({ tenantId: asTenantId(r.tenant_id), role: r.role, isDefault: r.is_default }));
  }

  countOwners(tenantId: TenantId): Promise<number> {
    return this.rows.count(tenantId, { role: 'owner' });
  }

  async changeRole(tenantId: TenantId, userId: string, role: Role): Promise<void> {
    await this.rows.update(tenantId, { userId }, { role });
  }

  async remove(tenantId: TenantId, userId: string): Promise<void> {
    await this.rows.delete(tenantId, { userId });
  }

  async findUserIdByEmail(email: string): Promise<string | null> {
    const rows = await globalQuery<{ id: string }>(
      this.txHost.tx,
      `SELECT id FROM users WHERE lower(email) = lower($1)`,
      [email],
    );
    return rows[0]?.id ?? null;
  }

  async findUserIdentity(userId: string): Promise<UserIdentity | null> {
    const rows = await globalQuery<{ email: string; verified: boolean }>(
      this.txHost.tx,
      `SELECT email, email_verified_at IS NOT NULL AS verified FROM users WHERE id = $1`,
      [userId],
    );
    return rows[0] ? { email: rows[0].email, emailVerified: rows[0].verified } : null;
  }
}

const toMember = (r: {
  user_id: string;
  email: string;
  name: string;
  role: Role;
  joined_at: Date;
}): Member => ({
  userId: r.user_id,
  email: r.email,
  name: r.name,
  role: r.role,
  joinedAt: r.joined_at,
});

@Injectable()
export class TypeOrmAuditLogRepository extends AuditLogRepository {
  constructor(private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>) {
    super();
  }

  private get rows() {
    return new TenantScoped(this.txHost.tx.getRepository(AuditLogRow));
  }

  async insert(entries: AuditEntry[]): Promise<void> {
    // Several tenants at once (a login is recorded in each of the user's organizations): one multi-row insert.
    await this.txHost.tx.getRepository(AuditLogRow).insert(entries as never);
  }

  async list(tenantId: TenantId, q: AuditQuery): Promise<AuditEntry[]> {
    const qb = this.rows.queryBuilder(tenantId, 'a');
    if (q.action) qb.andWhere('a.action = :action', { action: q.action });
    if (q.from) qb.andWhere('a.created_at >= :from', { from: q.from });
    if (q.to) qb.andWhere('a.created_at < :to', { to: q.to });
    if (q.before) {
      qb.andWhere('(a.created_at, a.id) < (:bAt, :bId)', { bAt: q.before.createdAt, bId: q.before.id });
    }
    const rows = await qb.orderBy('a.created_at', 'DESC').addOrderBy('a.id', 'DESC').limit(q.limit).getMany();
    return rows.map((r) => ({
      id: r.id,
      tenantId: asTenantId(r.tenantId),
      action: r.action as AuditAction,
      actorKind: r.actorKind,
      actorId: r.actorId,
      target: r.target,
      ip: r.ip,
      requestId: r.requestId,
      details: r.details,
      createdAt: r.createdAt,
    }));
  }
}
