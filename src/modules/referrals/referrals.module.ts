import { Module, forwardRef } from '@nestjs/common';
import { ReferralSignups } from '../../shared/contracts/referral-signups';
import { ReferralEventsListener } from './adapters/referral-events.listener';
import { ReferralsController } from './adapters/referrals.controller';
import { TypeOrmReferralRepository } from './adapters/typeorm-referral.repository';
import { ConfigureReferralProgram } from './application/configure-referral-program.use-case';
import { CreateReferralCode } from './application/create-referral-code.use-case';
import { GrantReferralRewards } from './application/grant-referral-rewards';
import { ListReferrals } from './application/list-referrals.use-case';
import { RegisterReferee } from './application/register-referee.use-case';
import { RewardReferralOnPayment } from './application/reward-referral-on-payment.use-case';
import { ReferralRepository } from './domain/referral';
import { BillingModule } from '../billing/billing.module';
import { WebhooksModule } from '../webhooks/webhooks.module';

/**
 * Referrals among a tenant's customers: codes, the link made when a customer is created with a code, and
 * credit rewards granted once (docs/modules/referrals.md). Global: Billing hands it new customers.
 */
@Module({
  imports: [forwardRef(() => BillingModule), forwardRef(() => WebhooksModule)],
  controllers: [ReferralsController],
  providers: [
    { provide: ReferralRepository, useClass: TypeOrmReferralRepository },
    RegisterReferee,
    { provide: ReferralSignups, useExisting: RegisterReferee },
    ConfigureReferralProgram,
    CreateReferralCode,
    GrantReferralRewards,
    ListReferrals,
    RewardReferralOnPayment,
    ReferralEventsListener,
  ],
  exports: [ReferralSignups],
})
export class ReferralsModule {}
