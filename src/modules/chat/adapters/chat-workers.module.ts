import { Module } from '@nestjs/common';
import { ChatModule } from '../chat.module';
import { UsageStreamConsumer } from './usage-stream.consumer';

/** The usage writer: drains the usage stream into llm_usage and Billing. Loaded where workers run. */
@Module({
  imports: [ChatModule],
  providers: [UsageStreamConsumer],
})
export class ChatWorkersModule {}
