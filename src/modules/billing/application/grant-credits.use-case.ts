import { Injectable } from '@nestjs/common';
import { Transactional } from '@nestjs-cls/transactional';
import { Clock } from '../../../shared/domain/clock.port';
import { InvalidError, NotFoundError } from '../../../shared/domain/domain-error';
import { newId } from '../../../shared/domain/ids';
import { dec } from '../../../shared/domain/money';
import { TenantId } from '../../../shared/domain/tenant-id';
import { CreditRepository, LedgerEntry } from '../domain/credit.repository.port';
import { CustomerRepository } from '../domain/customer';
import { BudgetCache } from './budget-cache.port';

@Injectable()
export class GrantCredits {
  constructor(
    private readonly credits: CreditRepository,
    private readonly customers: CustomerRepository,
    private readonly budgets: BudgetCache,
    private readonly clock: Clock,
  ) {}

  /** Adds a grant; a repeated `reference` adds nothing (idempotent top-ups). Returns whether it was added. */
  @Transactional()
  async execute(
    tenantId: TenantId,
    customerId: string,
    input: {
      amount: string;
      paid: boolean;
      expiresAt?: Date | null;
      reference?: string | null;
      description?: string;
    },
  ): Promise<{ created: boolean; entryId: string }> {
    if (!dec(input.amount).gt(0))
      throw new InvalidError('invalid_amount', 'A grant must be positive', [
        { field: 'amount', message: 'must be > 0' },
      ]);
    const customer = await this.customers.find(tenantId, customerId);
    if (!customer) throw new NotFoundError('Customer', customerId);
    if (input.expiresAt && input.expiresAt <= this.clock.now())
      throw new InvalidError('invalid_expiry', 'expiresAt must be in the future', [
        { field: 'expiresAt', message: 'must be in the future' },
      ]);
    const wallet = await this.credits.ensureWallet(tenantId, customerId, customer.currency);
    const entry: LedgerEntry = {
      id: newId(),
      kind: input.paid ? 'paid_grant' : 'free_grant',
      amount: dec(input.amount).toString(),
      grantId: null,
      expiresAt: input.expiresAt ?? null,
      reference: input.reference ?? null,
      description: input.description ?? (input.paid ? 'Credit top-up' : 'Free credits'),
      createdAt: this.clock.now(),
    };
    const created = await this.credits.insertGrant(tenantId, wallet.id, entry);
    await this.budgets.invalidate(tenantId, customer);
    return { created, entryId: entry.id };
  }
}
