import { TenantId } from '../../../shared/domain/tenant-id';
import { Page } from '../../../shared/http/cursor';

/** A job that exhausted its retries: the dead letter, listed by the API until retried. */
export interface FailedJob {
  id: string;
  tenantId: TenantId;
  queue: string;
  jobName: string;
  jobId: string;
  data: Record<string, unknown>;
  error: string;
  attempts: number;
  status: 'dead' | 'retried';
  createdAt: Date;
}

export abstract class FailedJobRepository {
  /** Records (or refreshes) the dead letter of a job. */
  abstract record(job: Omit<FailedJob, 'id' | 'status' | 'createdAt'>): Promise<void>;
  abstract list(
    tenantId: TenantId,
    q: { status?: FailedJob['status']; queue?: string; limit: number; cursor?: string },
  ): Promise<Page<FailedJob>>;
  abstract find(tenantId: TenantId, id: string): Promise<FailedJob | null>;
  abstract markRetried(tenantId: TenantId, id: string): Promise<boolean>;
}
