import { Body, Controller, Get, Param, Post, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentTenant, Scopes } from '../../../shared/http/auth.decorators';
import { TenantId } from '../../../shared/domain/tenant-id';
import { GetAgentStats } from '../application/get-agent-stats.use-case';
import { RecordAgentActivity } from '../application/record-agent-activity.use-case';
import { RecordAgentCost } from '../application/record-agent-cost.use-case';
import { RecordOutcome } from '../application/record-outcome.use-case';
import {
  ActivityResultDto,
  AgentStatsDto,
  CostDto,
  OutcomeDto,
  RecordActivityDto,
  RecordCostDto,
  RecordOutcomeDto,
} from './billing.dto';
import { UuidOr404Pipe } from '../../../shared/http/uuid-or-404.pipe';
import { ApiProblems } from '../../../shared/http/openapi.decorators';

const AgentId = new UuidOr404Pipe('Agent');
const toDate = (v?: string) => (v ? new Date(v) : undefined);

/** What agents did, cost and achieved: activities (usage), the tenant's own costs, and outcomes. */
@ApiTags('usage')
@Controller('api/v1/agents')
export class AgentRecordsController {
  constructor(
    private readonly recordActivity: RecordAgentActivity,
    private readonly recordCost: RecordAgentCost,
    private readonly recordOutcome: RecordOutcome,
    private readonly getStats: GetAgentStats,
  ) {}

  @Post(':id/activities')
  @Scopes('usage:write')
  @ApiOperation({
    operationId: 'recordAgentActivities',
    summary: 'Record a typed activity with a quantity (a usage event on the metric named by the type)',
  })
  @ApiCreatedResponse({ type: ActivityResultDto })
  activities(
    @CurrentTenant() tenantId: TenantId,
    @Param('id', AgentId) agentId: string,
    @Body() body: RecordActivityDto,
  ): Promise<ActivityResultDto> {
    return this.recordActivity.execute(tenantId, agentId, { ...body, timestamp: toDate(body.timestamp) });
  }

  @Post(':id/costs')
  @Scopes('usage:write')
  @ApiOperation({
    operationId: 'recordAgentCosts',
    summary: 'Record a cost the tenant paid for the agent (for margin and cost-plus pricing)',
  })
  @ApiCreatedResponse({ type: CostDto })
  async costs(
    @CurrentTenant() tenantId: TenantId,
    @Param('id', AgentId) agentId: string,
    @Body() body: RecordCostDto,
  ): Promise<CostDto> {
    const c = await this.recordCost.execute(tenantId, agentId, {
      ...body,
      occurredAt: toDate(body.occurredAt),
    });
    return {
      id: c.id,
      agentId: c.agentId,
      customerId: c.customerId,
      costType: c.costType,
      amount: c.amount,
      currency: c.currency,
      occurredAt: c.occurredAt,
    };
  }

  @Post(':id/outcomes')
  @Scopes('usage:write')
  @ApiOperation({
    operationId: 'recordAgentOutcomes',
    summary: 'Record an outcome (pending until verified; only verified outcomes are billed)',
  })
  @ApiProblems(409)
  @ApiCreatedResponse({ type: OutcomeDto })
  @ApiOkResponse({ type: OutcomeDto, description: 'Already recorded (same externalId): the stored outcome' })
  async outcomes(
    @CurrentTenant() tenantId: TenantId,
    @Param('id', AgentId) agentId: string,
    @Body() body: RecordOutcomeDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<OutcomeDto> {
    const { outcome: o, created } = await this.recordOutcome.execute(tenantId, agentId, {
      ...body,
      occurredAt: toDate(body.occurredAt),
    });
    if (!created) reply.status(200);
    return {
      id: o.id,
      agentId: o.agentId,
      customerId: o.customerId,
      type: o.type,
      value: o.value,
      currency: o.currency,
      evidence: o.evidence,
      status: o.status,
      occurredAt: o.occurredAt,
    };
  }

  @Get(':id/stats')
  @Scopes('usage:read')
  @ApiOperation({
    operationId: 'getAgentStats',
    summary: 'Agent activities, costs, outcome value, revenue billed and margin',
  })
  @ApiOkResponse({ type: AgentStatsDto })
  stats(@CurrentTenant() tenantId: TenantId, @Param('id', AgentId) agentId: string): Promise<AgentStatsDto> {
    return this.getStats.execute(tenantId, agentId);
  }
}
