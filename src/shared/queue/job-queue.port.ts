import { QueueName } from './queue-names';

export interface JobOptions {
  /** Deterministic id: adding a job whose id the queue still knows is a no-op, so enqueueing is idempotent. */
  jobId: string;
  attempts?: number;
  backoff?: { type: string; delay: number };
  /** Milliseconds before the first try. */
  delay?: number;
}

export interface NewJob {
  name: string;
  data: object;
  opts: JobOptions;
}

/** Puts jobs on a named queue for the workers. Application code enqueues through this, never through BullMQ. */
export abstract class JobQueue {
  abstract add(queue: QueueName, job: NewJob): Promise<void>;
  /** All or nothing in one round trip. */
  abstract addBulk(queue: QueueName, jobs: NewJob[]): Promise<void>;
}
