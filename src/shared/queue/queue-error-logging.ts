import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { WorkerHost } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { logRedisErrors } from '../redis/redis-errors';

/**
 * BullMQ queues and workers re-emit their connections' errors; without a listener each one is printed
 * as a raw stack trace. Every queue and worker of the app gets the shared, rate-limited logging.
 */
@Injectable()
export class QueueErrorLogging implements OnApplicationBootstrap {
  constructor(private readonly discovery: DiscoveryService) {}

  onApplicationBootstrap(): void {
    for (const { instance } of this.discovery.getProviders()) {
      if (instance instanceof Queue) logRedisErrors(instance, `queue:${instance.name}`);
      else if (instance instanceof WorkerHost) {
        // WorkerHost.worker throws until the explorer has created the worker (never, without workers).
        const worker = (() => {
          try {
            return instance.worker;
          } catch {
            return undefined;
          }
        })();
        if (worker) logRedisErrors(worker, `worker:${worker.name}`);
      }
    }
  }
}
