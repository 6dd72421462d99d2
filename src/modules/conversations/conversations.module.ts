import { Module } from '@nestjs/common';

/** Conversations: see README. */
@Module({})
export class ConversationsModule {}
