import { Module, forwardRef } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AgentCatalog, AgentDirectory } from '../../shared/contracts/agents';
import { AgentRepository } from './domain/agent.repository.port';
import { ToolRegistry } from '../../shared/contracts/agent-tools';
import { AgentOrmEntity } from './adapters/agent.orm-entity';
import { TypeOrmAgentRepository } from './adapters/typeorm-agent.repository';
import { BuiltinToolRegistry } from './adapters/builtin-tools';
import { AgentsController, ToolsController } from './adapters/agents.controller';
import { RepositoryAgentDirectory } from './application/agent-directory';
import { AgentSettingsPolicy } from './application/agent-settings';
import { AgentCache } from './application/agent-cache';
import { CreateAgent } from './application/create-agent.use-case';
import { UpdateAgent } from './application/update-agent.use-case';
import { BillingModule } from '../billing/billing.module';

/** Agents: the catalog and the tool registry (docs/modules/agents.md). Global so Billing can resolve agents. */
@Module({
  imports: [forwardRef(() => BillingModule), TypeOrmModule.forFeature([AgentOrmEntity])],
  controllers: [AgentsController, ToolsController],
  providers: [
    { provide: AgentRepository, useClass: TypeOrmAgentRepository },
    { provide: AgentDirectory, useClass: RepositoryAgentDirectory },
    { provide: ToolRegistry, useClass: BuiltinToolRegistry },
    AgentSettingsPolicy,
    AgentCache,
    { provide: AgentCatalog, useExisting: AgentCache },
    CreateAgent,
    UpdateAgent,
  ],
  exports: [AgentDirectory, AgentCatalog, ToolRegistry],
})
export class AgentsModule {}
