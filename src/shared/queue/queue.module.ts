import { Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { BullModule } from '@nestjs/bullmq';
import { AppConfig } from '../../config/app-config';
import { createRedisConnection } from '../redis/redis.module';
import { QUEUES } from './queue-names';
import { QueueErrorLogging } from './queue-error-logging';

const queues = Object.values(QUEUES).map((name) => ({ name }));

/**
 * BullMQ wiring: every queue is registered here (so any module may enqueue); processors live in each
 * module's worker module and only load where workers run (src/worker.ts, or npm start with WORKERS_IN_API).
 */
@Global()
@Module({
  imports: [
    DiscoveryModule,
    BullModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        // BullMQ needs maxRetriesPerRequest: null on its connections.
        connection: createRedisConnection(config, { maxRetriesPerRequest: null }, 'bullmq'),
        prefix: `${config.redisKeyPrefix}:bull`,
        defaultJobOptions: {
          removeOnComplete: { age: 24 * 3600, count: 10000 },
          removeOnFail: { age: 7 * 24 * 3600 },
        },
      }),
    }),
    BullModule.registerQueue(...queues),
  ],
  providers: [QueueErrorLogging],
  exports: [BullModule],
})
export class QueueModule {}
