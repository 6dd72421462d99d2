import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { getQueueToken } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { JobQueue, NewJob } from './job-queue.port';
import { QueueName } from './queue-names';

/** The JobQueue port on the queues QueueModule registers. */
@Injectable()
export class BullmqJobQueue extends JobQueue {
  constructor(private readonly moduleRef: ModuleRef) {
    super();
  }

  private readonly queues = new Map<QueueName, Queue>();

  private queue(name: QueueName): Queue {
    let queue = this.queues.get(name);
    if (!queue)
      this.queues.set(name, (queue = this.moduleRef.get<Queue>(getQueueToken(name), { strict: false })));
    return queue;
  }

  async add(queue: QueueName, job: NewJob): Promise<void> {
    await this.queue(queue).add(job.name, job.data, job.opts);
  }

  async addBulk(queue: QueueName, jobs: NewJob[]): Promise<void> {
    if (jobs.length) await this.queue(queue).addBulk(jobs);
  }
}
