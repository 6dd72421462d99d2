export interface FinishedJob {
  queue: string;
  name: string;
  id?: string;
  data: unknown;
  attemptsMade: number;
  maxAttempts: number;
}

/** Keeps a job that failed for good as a dead letter (Invoicing provides it: GET /api/v1/failed-jobs). */
export abstract class FailedJobRecorder {
  /** Returns true when the job is dead (no retry left). */
  abstract execute(job: FinishedJob, error: Error): Promise<boolean>;
}
