import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentTenant, Scopes } from '../../../shared/http/auth.decorators';
import { TenantId } from '../../../shared/domain/tenant-id';
import { NotFoundError } from '../../../shared/domain/domain-error';
import { uuidOr404 } from '../../../shared/http/uuid-or-404.pipe';
import { AgentRepository } from '../domain/agent.repository.port';
import { ToolRegistry } from '../../../shared/contracts/agent-tools';
import { CreateAgent } from '../application/create-agent.use-case';
import { UpdateAgent } from '../application/update-agent.use-case';
import {
  AgentDto,
  AgentPageDto,
  CreateAgentDto,
  ListAgentsQuery,
  ToolListDto,
  UpdateAgentDto,
} from './agents.dto';
import { ApiProblems } from '../../../shared/http/openapi.decorators';
import { paginateInMemory } from '../../../shared/http/cursor';
import { CursorPageQuery } from '../../../shared/http/pagination.dto';

const agentIdParam = (id: string): string => uuidOr404('Agent', id);

@ApiTags('agents')
@Controller('api/v1/agents')
export class AgentsController {
  constructor(
    private readonly agents: AgentRepository,
    private readonly createAgent: CreateAgent,
    private readonly updateAgent: UpdateAgent,
  ) {}

  @Post()
  @Scopes('agents:write')
  @ApiOperation({ operationId: 'createAgent', summary: 'Create an agent' })
  @ApiProblems(409)
  @ApiCreatedResponse({ type: AgentDto })
  async create(@CurrentTenant() tenantId: TenantId, @Body() body: CreateAgentDto): Promise<AgentDto> {
    return AgentDto.of(await this.createAgent.execute(tenantId, body));
  }

  @Get()
  @Scopes('agents:read')
  @ApiOperation({ operationId: 'listAgents', summary: 'List agents, newest first' })
  @ApiOkResponse({ type: AgentPageDto })
  async list(@CurrentTenant() tenantId: TenantId, @Query() query: ListAgentsQuery): Promise<AgentPageDto> {
    const page = await this.agents.list(tenantId, { ...query, limit: query.limit ?? 20 });
    return { items: page.items.map(AgentDto.of), nextCursor: page.nextCursor };
  }

  @Get(':id')
  @Scopes('agents:read')
  @ApiOperation({ operationId: 'getAgent', summary: 'Get an agent' })
  @ApiOkResponse({ type: AgentDto })
  async get(@CurrentTenant() tenantId: TenantId, @Param('id') id: string): Promise<AgentDto> {
    const agent = await this.agents.findById(tenantId, agentIdParam(id));
    if (!agent) throw new NotFoundError('Agent', id);
    return AgentDto.of(agent);
  }

  @Patch(':id')
  @Scopes('agents:write')
  @ApiOperation({ operationId: 'updateAgent', summary: 'Change an agent (settings, tools, status)' })
  @ApiProblems(409)
  @ApiOkResponse({ type: AgentDto })
  async update(
    @CurrentTenant() tenantId: TenantId,
    @Param('id') id: string,
    @Body() body: UpdateAgentDto,
  ): Promise<AgentDto> {
    return AgentDto.of(await this.updateAgent.execute(tenantId, agentIdParam(id), body));
  }

  @Delete(':id')
  @HttpCode(204)
  @Scopes('agents:write')
  @ApiOperation({
    operationId: 'archiveAgent',
    summary: 'Archive an agent (kept for history and billing; chat answers 409)',
  })
  @ApiNoContentResponse({ description: 'Archived' })
  async archive(@CurrentTenant() tenantId: TenantId, @Param('id') id: string): Promise<void> {
    await this.updateAgent.execute(tenantId, agentIdParam(id), { status: 'archived' });
  }
}

@ApiTags('agents')
@Controller('api/v1/tools')
export class ToolsController {
  constructor(private readonly tools: ToolRegistry) {}

  @Get()
  @Scopes('agents:read')
  @ApiOperation({ operationId: 'listTools', summary: 'List the tools agents may enable' })
  @ApiOkResponse({ type: ToolListDto })
  list(@Query() q: CursorPageQuery): ToolListDto {
    const tools = this.tools.list().map((t) => ({ ...t.spec, available: t.available() }));
    return paginateInMemory(tools, q, (t) => t.name);
  }
}
