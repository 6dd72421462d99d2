import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { BullModule } from '@nestjs/bullmq';
import Redis from 'ioredis';
import { AppConfig } from '../../config/app-config';
import { createRedisConnection } from '../redis/redis.module';
import { BullmqJobQueue } from './bullmq-job-queue';
import { JobQueue } from './job-queue.port';
import { QUEUES } from './queue-names';
import { QueueErrorLogging } from './queue-error-logging';

const queues = Object.values(QUEUES).map((name) => ({ name }));

/** The one connection every queue shares. BullMQ never closes a connection it was given, so we do. */
abstract class QueueConnection {}

@Module({
  providers: [
    {
      provide: QueueConnection,
      inject: [AppConfig],
      // BullMQ needs maxRetriesPerRequest: null on its connections.
      useFactory: (config: AppConfig) =>
        createRedisConnection(config, { maxRetriesPerRequest: null }, 'bullmq'),
    },
  ],
  exports: [QueueConnection],
})
class QueueConnectionModule implements OnApplicationShutdown {
  constructor(@Inject(QueueConnection) private readonly connection: Redis) {}
  // After every module is destroyed, so the queues have closed and nothing uses the connection any more.
  onApplicationShutdown(): void {
    this.connection.disconnect();
  }
}

/**
 * BullMQ wiring: every queue is registered here and reached through the JobQueue port; processors live in
 * each module's worker module and only load where workers run (src/worker.ts, or npm start with
 * WORKERS_IN_API).
 */
// Global: the JobQueue port is infrastructure any module's use cases enqueue through, like config and logging.
@Global()
@Module({
  imports: [
    DiscoveryModule,
    BullModule.forRootAsync({
      imports: [QueueConnectionModule],
      inject: [AppConfig, QueueConnection],
      useFactory: (config: AppConfig, connection: Redis) => ({
        connection,
        prefix: `${config.redisKeyPrefix}:bull`,
        defaultJobOptions: {
          removeOnComplete: { age: 24 * 3600, count: 10000 },
          removeOnFail: { age: 7 * 24 * 3600 },
        },
      }),
    }),
    BullModule.registerQueue(...queues),
  ],
  providers: [QueueErrorLogging, { provide: JobQueue, useClass: BullmqJobQueue }],
  exports: [BullModule, JobQueue],
})
export class QueueModule {}
