import { Module } from '@nestjs/common';
import { ChatModule } from '../chat.module';
import { UsageStreamConsumer } from './usage-stream.consumer';
import { ReservationSweepScheduler } from './reservation-sweep.scheduler';

/**
 * The usage writer (drains the usage stream into llm_usage and Billing) and the stale-reservation sweeper.
 * Loaded where workers run.
 */
@Module({
  imports: [ChatModule],
  providers: [UsageStreamConsumer, ReservationSweepScheduler],
})
export class ChatWorkersModule {}
