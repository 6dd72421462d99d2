import { Module } from '@nestjs/common';

/** Chat: see README. */
@Module({})
export class ChatModule {}
