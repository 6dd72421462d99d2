import { Module } from '@nestjs/common';

/** Webhooks: see README. */
@Module({})
export class WebhooksModule {}
