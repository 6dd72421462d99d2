import { Injectable } from '@nestjs/common';
import { UsageEvent, UsageEventSink } from '../../../shared/contracts/metering';
import { IngestUsageEvents } from './ingest-usage-events.use-case';

/** Chat's usage reaches the same ingestion use case as HTTP batches, without the HTTP hop. */
@Injectable()
export class BillingUsageEventSink extends UsageEventSink {
  constructor(private readonly ingestUseCase: IngestUsageEvents) {
    super();
  }

  async ingest(events: UsageEvent[]): Promise<void> {
    if (events.length) await this.ingestUseCase.ingestInternal(events);
  }
}
