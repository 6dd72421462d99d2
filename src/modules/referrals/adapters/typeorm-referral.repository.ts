import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { TenantId } from '../../../shared/domain/tenant-id';
import { isUuid } from '../../../shared/domain/ids';
import {
  Referral,
  ReferralCode,
  ReferralParty,
  ReferralProgram,
  ReferralRepository,
  ReferralStats,
} from '../domain/referral';
import { tenantQuery } from '../../../shared/persistence/tenant-sql';
import { decodeCursor, instantSql, Page, pageFrom } from '../../../shared/http/cursor';

/** numeric -> canonical decimal string. */
const num = (v: string): string => {
  if (!v.includes('.')) return v;
  return v.replace(/0+$/, '').replace(/\.$/, '');
};

interface ReferralRecord {
  id: string;
  code: string;
  referrer_customer_id: string;
  referee_customer_id: string;
  status: Referral['status'];
  referrer_reward: string;
  referee_reward: string;
  reward_on: Referral['rewardOn'];
  reward_expires_in_days: number | null;
  rewarded_at: Date | null;
  reward_invoice_id: string | null;
  created_at: Date;
}

interface CodeRecord {
  id: string;
  customer_id: string;
  code: string;
  created_at: Date;
}

const toReferral = (r: ReferralRecord): Referral => ({
  id: r.id,
  code: r.code,
  referrerCustomerId: r.referrer_customer_id,
  refereeCustomerId: r.referee_customer_id,
  status: r.status,
  referrerReward: num(r.referrer_reward),
  refereeReward: num(r.referee_reward),
  rewardOn: r.reward_on,
  rewardExpiresInDays: r.reward_expires_in_days,
  rewardedAt: r.rewarded_at,
  rewardInvoiceId: r.reward_invoice_id,
  createdAt: r.created_at,
});

const REFERRAL_COLS = `id, code, referrer_customer_id, referee_customer_id, status, referrer_reward::text,
  referee_reward::text, reward_on, reward_expires_in_days, rewarded_at, reward_invoice_id, created_at`;

/** Every statement binds the tenant as $1. */
@Injectable()
export class TypeOrmReferralRepository extends ReferralRepository {
  constructor(private readonly t: TransactionHost<TransactionalAdapterTypeOrm>) {
    super();
  }

  private q<Row = Record<string, unknown>>(
    tenantId: TenantId,
    text: string,
    params: unknown[],
  ): Promise<Row[]> {
    return tenantQuery<Row>(this.t.tx, tenantId, text, params);
  }

  async program(tenantId: TenantId): Promise<ReferralProgram | null> {
    const [r] = await this.q<{
      enabled: boolean;
      referrer_reward: string;
      referee_reward: string;
      reward_on: ReferralProgram['rewardOn'];
      reward_expires_in_days: number | null;
    }>(
      tenantId,
      `SELECT enabled, referrer_reward::text, referee_reward::text, reward_on, reward_expires_in_days
         FROM referral_programs WHERE tenant_id = $1`,
      [],
    );
    return r
      ? {
          enabled: r.enabled,
          referrerReward: num(r.referrer_reward),
          refereeReward: num(r.referee_reward),
          rewardOn: r.reward_on,
          rewardExpiresInDays: r.reward_expires_in_days,
        }
      : null;
  }

  async saveProgram(tenantId: TenantId, p: ReferralProgram): Promise<void> {
    await this.q(
      tenantId,
      `INSERT INTO referral_programs (tenant_id, enabled, referrer_reward, referee_reward, reward_on, reward_expires_in_days)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (tenant_id) DO UPDATE SET enabled = EXCLUDED.enabled, referrer_reward = EXCLUDED.referrer_reward,
         referee_reward = EXCLUDED.referee_reward, reward_on = EXCLUDED.reward_on,
         reward_expires_in_days = EXCLUDED.reward_expires_in_days`,
      [p.enabled, p.referrerReward, p.refereeReward, p.rewardOn, p.rewardExpiresInDays],
    );
  }

  async party(tenantId: TenantId, customerId: string): Promise<ReferralParty | null> {
    if (!isUuid(customerId)) return null;
    const [r] = await this.q<{ id: string; email: string | null; external_id: string | null }>(
      tenantId,
      `SELECT id, email, external_id FROM customers WHERE tenant_id = $1 AND id = $2`,
      [customerId],
    );
    return r ? { id: r.id, email: r.email, externalId: r.external_id } : null;
  }

  async insertCode(tenantId: TenantId, c: ReferralCode): Promise<boolean> {
    const rows = await this.q<{ id: string }>(
      tenantId,
      `INSERT INTO referral_codes (id, tenant_id, customer_id, code, created_at) VALUES ($2, $1, $3, $4, $5)
       ON CONFLICT (tenant_id, code) DO NOTHING RETURNING id`,
      [c.id, c.customerId, c.code, c.createdAt],
    );
    return rows.length > 0;
  }

  async codes(tenantId: TenantId, customerId: string): Promise<ReferralCode[]> {
    const rows = await this.q<CodeRecord>(
      tenantId,
      `SELECT id, customer_id, code, created_at FROM referral_codes
        WHERE tenant_id = $1 AND customer_id = $2 ORDER BY created_at, id`,
      [customerId],
    );
    return rows.map((r) => ({ id: r.id, customerId: r.customer_id, code: r.code, createdAt: r.created_at }));
  }

  async findCode(tenantId: TenantId, code: string): Promise<ReferralCode | null> {
    const [r] = await this.q<CodeRecord>(
      tenantId,
      `SELECT id, customer_id, code, created_at FROM referral_codes WHERE tenant_id = $1 AND code = $2`,
      [code],
    );
    return r ? { id: r.id, customerId: r.customer_id, code: r.code, createdAt: r.created_at } : null;
  }

  async insertReferral(tenantId: TenantId, r: Referral): Promise<boolean> {
    const rows = await this.q<{ id: string }>(
      tenantId,
      `INSERT INTO referrals (id, tenant_id, code, referrer_customer_id, referee_customer_id, status, referrer_reward,
         referee_reward, reward_on, reward_expires_in_days, created_at)
       VALUES ($2, $1, $3, $4, $5, $6, $7, $8, $9, $10, $11)
       ON CONFLICT (tenant_id, referee_customer_id) DO NOTHING RETURNING id`,
      [
        r.id,
        r.code,
        r.referrerCustomerId,
        r.refereeCustomerId,
        r.status,
        r.referrerReward,
        r.refereeReward,
        r.rewardOn,
        r.rewardExpiresInDays,
        r.createdAt,
      ],
    );
    return rows.length > 0;
  }

  async claimReward(
    tenantId: TenantId,
    refereeCustomerId: string,
    at: Date,
    invoiceId: string | null,
  ): Promise<Referral | null> {
    const [r] = await this.q<ReferralRecord>(
      tenantId,
      `UPDATE referrals SET status = 'rewarded', rewarded_at = $3, reward_invoice_id = $4
        WHERE tenant_id = $1 AND referee_customer_id = $2 AND status = 'pending'
          AND (reward_on = 'signup' OR $4::uuid IS NOT NULL)
       RETURNING ${REFERRAL_COLS}`,
      [refereeCustomerId, at, invoiceId],
    );
    return r ? toReferral(r) : null;
  }

  async list(
    tenantId: TenantId,
    f: { referrerCustomerId?: string; status?: Referral['status']; limit: number; cursor?: string },
  ): Promise<Page<Referral>> {
    const [at, id] = f.cursor ? decodeCursor(f.cursor, ['instant', 'uuid']) : [null, null];
    const rows = await this.q<ReferralRecord & { cursor_at: string }>(
      tenantId,
      `SELECT ${REFERRAL_COLS}, ${instantSql('created_at')} AS cursor_at FROM referrals
        WHERE tenant_id = $1 AND ($2::uuid IS NULL OR referrer_customer_id = $2) AND ($3::text IS NULL OR status = $3)
          AND ($5::timestamptz IS NULL OR (created_at, id) < ($5::timestamptz, $6::uuid))
        ORDER BY created_at DESC, id DESC LIMIT $4`,
      [f.referrerCustomerId ?? null, f.status ?? null, f.limit + 1, at, id],
    );
    const page = pageFrom(rows, f.limit, (last) => [last.cursor_at, last.id]);
    return { items: page.items.map(toReferral), nextCursor: page.nextCursor };
  }

  async stats(tenantId: TenantId, f: { referrerCustomerId?: string }): Promise<ReferralStats> {
    const [r] = await this.q<{
      referred: number;
      pending: number;
      rewarded: number;
      referrer_credits: string;
      referee_credits: string;
    }>(
      tenantId,
      `SELECT count(*)::int AS referred, count(*) FILTER (WHERE status = 'pending')::int AS pending,
              count(*) FILTER (WHERE status = 'rewarded')::int AS rewarded,
              coalesce(sum(referrer_reward) FILTER (WHERE status = 'rewarded'), 0)::text AS referrer_credits,
              coalesce(sum(referee_reward) FILTER (WHERE status = 'rewarded'), 0)::text AS referee_credits
         FROM referrals WHERE tenant_id = $1 AND ($2::uuid IS NULL OR referrer_customer_id = $2)`,
      [f.referrerCustomerId ?? null],
    );
    return {
      referred: r.referred,
      pending: r.pending,
      rewarded: r.rewarded,
      referrerCredits: num(r.referrer_credits),
      refereeCredits: num(r.referee_credits),
    };
  }
}
