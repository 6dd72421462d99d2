import { Module } from '@nestjs/common';

/** Agents: see README. */
@Module({})
export class AgentsModule {}
