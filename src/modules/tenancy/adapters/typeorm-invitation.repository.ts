import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { LessThanOrEqual, MoreThan } from 'typeorm';
import { Role } from '../../../shared/context/principal';
import { asTenantId, TenantId } from '../../../shared/domain/tenant-id';
import { TenantScoped } from '../../../shared/persistence/tenant-scoped';
import { crossTenantQuery } from '../../../shared/persistence/tenant-sql';
import {
  Invitation,
  InvitationRepository,
  InvitationStatus,
  ReceivedInvitation,
} from '../domain/invitation.repository.port';
import { InvitationRow } from './tenancy.orm-entities';

const toInvitation = (r: InvitationRow): Invitation => ({
  id: r.id,
  tenantId: asTenantId(r.tenantId),
  email: r.email,
  role: r.role as Role,
  invitedBy: r.invitedBy,
  status: r.status as InvitationStatus,
  expiresAt: r.expiresAt,
  createdAt: r.createdAt,
});

interface ReceivedRecord {
  id: string;
  tenant_id: string;
  email: string;
  role: Role;
  invited_by: string | null;
  status: InvitationStatus;
  expires_at: Date;
  created_at: Date;
  organization_name: string;
}

const toReceived = (r: ReceivedRecord): ReceivedInvitation => ({
  id: r.id,
  tenantId: asTenantId(r.tenant_id),
  email: r.email,
  role: r.role,
  invitedBy: r.invited_by,
  status: r.status,
  expiresAt: r.expires_at,
  createdAt: r.created_at,
  organization: { id: asTenantId(r.tenant_id), name: r.organization_name },
});

@Injectable()
export class TypeOrmInvitationRepository extends InvitationRepository {
  constructor(private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>) {
    super();
  }

  private get rows() {
    return new TenantScoped(this.txHost.tx.getRepository(InvitationRow));
  }

  async create(inv: Omit<Invitation, 'status' | 'createdAt'>, now: Date): Promise<boolean> {
    // Addresses are stored normalized, so equality is the case-insensitive match the unique index uses.
    await this.rows.update(
      inv.tenantId,
      { email: inv.email, status: 'pending', expiresAt: LessThanOrEqual(now) },
      { status: 'expired' },
    );
    const inserted = await this.rows.repo
      .createQueryBuilder()
      .insert()
      .values({ ...inv, status: 'pending' })
      .orIgnore()
      .returning('id')
      .execute();
    return inserted.raw.length > 0;
  }

  async listPending(tenantId: TenantId, now: Date): Promise<Invitation[]> {
    const rows = await this.rows.find(
      tenantId,
      { status: 'pending', expiresAt: MoreThan(now) },
      { order: { createdAt: 'ASC', id: 'ASC' } },
    );
    return rows.map(toInvitation);
  }

  async findPending(tenantId: TenantId, id: string): Promise<Invitation | null> {
    const row = await this.rows.findOne(tenantId, { id, status: 'pending' });
    return row ? toInvitation(row) : null;
  }

  async listForEmail(email: string, now: Date): Promise<ReceivedInvitation[]> {
    // The invitee's own view spans organizations: they are the one holding the address.
    const rows = await crossTenantQuery<ReceivedRecord>(
      this.txHost.tx,
      "the invitee's own view spans organizations",
      `SELECT i.*, o.name AS organization_name FROM invitations i JOIN organizations o ON o.id = i.tenant_id
       WHERE lower(i.email) = lower($1) AND i.status = 'pending' AND i.expires_at > $2
       ORDER BY i.created_at, i.id`,
      [email, now],
    );
    return rows.map(toReceived);
  }

  async lockForAnswer(id: string): Promise<ReceivedInvitation | null> {
    const rows = await crossTenantQuery<ReceivedRecord>(
      this.txHost.tx,
      'the invitee answers by the invitation id, before any tenant is chosen',
      `SELECT i.*, o.name AS organization_name FROM invitations i JOIN organizations o ON o.id = i.tenant_id
       WHERE i.id = $1 FOR UPDATE OF i`,
      [id],
    );
    return rows[0] ? toReceived(rows[0]) : null;
  }

  async close(
    id: string,
    status: Exclude<InvitationStatus, 'pending'>,
    at: Date,
    userId: string | null,
  ): Promise<void> {
    await crossTenantQuery(
      this.txHost.tx,
      'the invitee answers by the invitation id, before any tenant is chosen',
      `UPDATE invitations SET status = $2, responded_at = $3, user_id = $4 WHERE id = $1 AND status = 'pending'`,
      [id, status, at, userId],
    );
  }

  async revoke(tenantId: TenantId, id: string, at: Date): Promise<boolean> {
    return (
      (await this.rows.update(tenantId, { id, status: 'pending' }, { status: 'revoked', respondedAt: at })) >
      0
    );
  }
}
