import { DynamicModule, Module, Type } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, DiscoveryModule } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ClsModule } from 'nestjs-cls';
import { ClsPluginTransactional } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { DataSource } from 'typeorm';
import type { Logger } from 'pino';
import { AppConfig } from './config/app-config';
import { Clock, SystemClock } from './shared/domain/clock.port';
import { dataSourceOptions } from './shared/persistence/data-source-options';
import { RedisModule } from './shared/redis/redis.module';
import { QueueModule } from './shared/queue/queue.module';
import { NetModule } from './shared/net/net.module';
import { ProblemDetailsFilter } from './shared/http/problem-details.filter';
import { AuthGuard } from './shared/http/auth.guard';
import { ObservabilityModule } from './modules/observability/observability.module';
import { AuthModule } from './modules/auth/auth.module';
import { TenancyModule } from './modules/tenancy/tenancy.module';
import { AgentsModule } from './modules/agents/agents.module';
import { ChatModule } from './modules/chat/chat.module';
import { ConversationsModule } from './modules/conversations/conversations.module';
import { BillingModule } from './modules/billing/billing.module';
import { InvoicingModule } from './modules/invoicing/invoicing.module';
import { WebhooksModule } from './modules/webhooks/webhooks.module';
import { AnalyticsModule } from './modules/analytics/analytics.module';
import { ReferralsModule } from './modules/referrals/referrals.module';
import { NotificationsModule } from './modules/notifications/notifications.module';
import { InvoicingWorkersModule } from './modules/invoicing/invoicing-workers.module';
import { WebhooksWorkersModule } from './modules/webhooks/webhooks-workers.module';
import { NotificationsWorkersModule } from './modules/notifications/notifications-workers.module';
import { ChatWorkersModule } from './modules/chat/adapters/chat-workers.module';
import { ConversationsWorkersModule } from './modules/conversations/adapters/conversations-workers.module';

/** Feature modules: controllers, use cases, adapters. Safe to load in API and worker processes. */
const FEATURE_MODULES: Type[] = [
  AuthModule,
  TenancyModule,
  AgentsModule,
  ChatModule,
  ConversationsModule,
  BillingModule,
  InvoicingModule,
  WebhooksModule,
  AnalyticsModule,
  ReferralsModule,
  NotificationsModule,
];

/** Modules holding BullMQ processors and job schedulers; loaded only where workers run. */
const WORKER_MODULES: Type[] = [
  ChatWorkersModule,
  ConversationsWorkersModule,
  InvoicingWorkersModule,
  WebhooksWorkersModule,
  NotificationsWorkersModule,
];

export interface AppModuleOptions {
  config: AppConfig;
  /** Start BullMQ workers in this process. */
  workers: boolean;
  /** The process' JSON logger (TypeORM logs through it). */
  logger?: Logger;
  /** Replace providers for tests (e.g. a FixedClock). */
  clock?: Clock;
}

@Module({})
export class AppModule {
  static forRoot(options: AppModuleOptions): DynamicModule {
    const { config } = options;
    return {
      module: AppModule,
      imports: [
        DiscoveryModule, // finds @DirectRoute() handlers (src/shared/http/direct-route.ts)
        ClsModule.forRoot({
          global: true,
          // Transactions that span modules (an invoice and the credits it consumes) propagate through the
          // request context: use cases mark @Transactional(), repositories use TransactionHost.tx.
          plugins: [
            new ClsPluginTransactional({
              adapter: new TransactionalAdapterTypeOrm({ dataSourceToken: DataSource }),
            }),
          ],
          // The context is entered in a Fastify onRequest hook (src/http-app.ts): Nest middleware costs ~5x.
        }),
        TypeOrmModule.forRoot({
          ...dataSourceOptions({
            url: config.databaseUrl,
            readUrl: config.databaseReadUrl,
            poolSize: config.databasePoolSize,
            migrationsRun: config.migrationsRun,
            timeouts: config.databaseTimeouts,
            logger: options.logger,
          }),
          autoLoadEntities: true,
        }),
        ConfigHolderModule.with(config, options.clock ?? new SystemClock()),
        RedisModule,
        QueueModule,
        NetModule,
        ObservabilityModule,
        ...FEATURE_MODULES,
        ...(options.workers ? WORKER_MODULES : []),
      ],
      providers: [
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
        // Also injectable by its class: routes served without Nest's pipeline call it themselves.
        AuthGuard,
        { provide: APP_GUARD, useExisting: AuthGuard },
      ],
    };
  }
}

/** Makes the validated config and the clock injectable everywhere. */
@Module({})
class ConfigHolderModule {
  static with(config: AppConfig, clock: Clock): DynamicModule {
    return {
      module: ConfigHolderModule,
      global: true,
      providers: [
        { provide: AppConfig, useValue: config },
        { provide: Clock, useValue: clock },
      ],
      exports: [AppConfig, Clock],
    };
  }
}
