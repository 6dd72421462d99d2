import { Foundation1764000000000 } from './1764000000000-Foundation';
import { AuthTenancy1764000100000 } from './1764000100000-AuthTenancy';
import { Agents1764000200000 } from './1764000200000-Agents';
import { ChatConversations1764000200100 } from './1764000200100-ChatConversations';
import { Invoicing1764000400000 } from './1764000400000-Invoicing';
import { Webhooks1764000450000 } from './1764000450000-Webhooks';
import { Billing1764000300000 } from './1764000300000-Billing';
import { UsageRollups1764000300001 } from './1764000300001-UsageRollups';
import { CreditNoteRefunds1764000460000 } from './1764000460000-CreditNoteRefunds';
import { UsageCorrections1764000530000 } from './1764000530000-UsageCorrections';
import { StripePaymentLinks1764000530001 } from './1764000530001-StripePaymentLinks';
import { UsageAnalytics1764000570000 } from './1764000570000-UsageAnalytics';
import { IdentityConsent1764000500000 } from './1764000500000-IdentityConsent';
import { Referrals1764000571000 } from './1764000571000-Referrals';
import { ServiceAccountKeys1764000572000 } from './1764000572000-ServiceAccountKeys';
import { Notifications1764000600000 } from './1764000600000-Notifications';
import { NotificationCreditsLowThreshold1764000640000 } from './1764000640000-NotificationCreditsLowThreshold';
import { InvoiceNumberAtCommit1764000650000 } from './1764000650000-InvoiceNumberAtCommit';
import { CreditNoteNumberAtCommit1764000660000 } from './1764000660000-CreditNoteNumberAtCommit';
import { UsageSpendLease1764000670000 } from './1764000670000-UsageSpendLease';

/**
 * Every migration, in order. Listed explicitly (not globbed) so the app, the CLI and the tests load the
 * same classes whether running from TypeScript or compiled JavaScript. Append new ones at the end.
 */
export const ALL_MIGRATIONS = [
  Foundation1764000000000,
  AuthTenancy1764000100000,
  Agents1764000200000,
  ChatConversations1764000200100,
  Invoicing1764000400000,
  Webhooks1764000450000,
  Billing1764000300000,
  UsageRollups1764000300001,
  CreditNoteRefunds1764000460000,
  UsageCorrections1764000530000,
  StripePaymentLinks1764000530001,
  UsageAnalytics1764000570000,
  IdentityConsent1764000500000,
  Referrals1764000571000,
  ServiceAccountKeys1764000572000,
  Notifications1764000600000,
  NotificationCreditsLowThreshold1764000640000,
  InvoiceNumberAtCommit1764000650000,
  CreditNoteNumberAtCommit1764000660000,
  UsageSpendLease1764000670000,
];
