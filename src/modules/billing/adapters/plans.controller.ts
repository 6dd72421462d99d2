import { Body, Controller, Get, Param, Post, Query, Put } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentTenant, Scopes } from '../../../shared/http/auth.decorators';
import { NotFoundError } from '../../../shared/domain/domain-error';
import { TenantId } from '../../../shared/domain/tenant-id';
import { CreatePlan } from '../application/create-plan.use-case';
import { PlanView } from '../application/plan-rules';
import { UpdatePlan } from '../application/update-plan.use-case';
import { PlanRepository, PlanVersion } from '../domain/plan.repository.port';
import { CreatePlanDto, PlanDto, PlanListDto, PlanVersionDto, UpdatePlanDto } from './billing.dto';
import { UuidOr404Pipe } from '../../../shared/http/uuid-or-404.pipe';
import { ApiProblems } from '../../../shared/http/openapi.decorators';
import { paginateInMemory } from '../../../shared/http/cursor';
import { CursorPageQuery } from '../../../shared/http/pagination.dto';

const versionView = (v: PlanVersion): PlanVersionDto => ({
  id: v.id,
  version: v.version,
  name: v.name,
  currency: v.currency,
  interval: v.interval,
  trialDays: v.trialDays,
  minimumCommitment: v.minimumCommitment,
  charges: v.charges as PlanVersionDto['charges'],
});

const planView = (p: PlanView & { newVersion?: boolean }): PlanDto => ({
  id: p.id,
  code: p.code,
  name: p.name,
  currentVersion: p.currentVersion,
  version: versionView(p.version),
  ...(p.newVersion !== undefined ? { newVersion: p.newVersion } : {}),
});

const PlanId = new UuidOr404Pipe('Plan');

@ApiTags('plans')
@Controller('api/v1/plans')
export class PlansController {
  constructor(
    private readonly plans: PlanRepository,
    private readonly createPlan: CreatePlan,
    private readonly updatePlan: UpdatePlan,
  ) {}

  @Post()
  @Scopes('plans:write')
  @ApiOperation({
    operationId: 'createPlan',
    summary: 'Create a plan: base, seat, usage and outcome charges (hybrid plans mix them)',
  })
  @ApiProblems(409)
  @ApiCreatedResponse({ type: PlanDto })
  async create(@CurrentTenant() tenantId: TenantId, @Body() body: CreatePlanDto): Promise<PlanDto> {
    return planView(await this.createPlan.execute(tenantId, body));
  }

  @Get()
  @Scopes('plans:read')
  @ApiOperation({ operationId: 'listPlans', summary: 'List plans with their current version' })
  @ApiOkResponse({ type: PlanListDto })
  async list(@CurrentTenant() tenantId: TenantId, @Query() q: CursorPageQuery): Promise<PlanListDto> {
    const page = paginateInMemory(await this.plans.list(tenantId), q, (p) => p.code);
    const items: PlanDto[] = [];
    for (const p of page.items) {
      const version = await this.plans.currentVersion(tenantId, p.id);
      if (version) items.push(planView({ ...p, version }));
    }
    return { items, nextCursor: page.nextCursor };
  }

  @Get(':id')
  @Scopes('plans:read')
  @ApiOperation({ operationId: 'getPlan', summary: 'Get a plan with its current version' })
  @ApiOkResponse({ type: PlanDto })
  async get(@CurrentTenant() tenantId: TenantId, @Param('id', PlanId) id: string): Promise<PlanDto> {
    const plan = await this.plans.find(tenantId, id);
    const version = plan && (await this.plans.currentVersion(tenantId, id));
    if (!plan || !version) throw new NotFoundError('Plan', id);
    return planView({ ...plan, version });
  }

  @Put(':id')
  @Scopes('plans:write')
  @ApiOperation({
    operationId: 'updatePlan',
    summary: 'Edit a plan: a new version when it has subscribers (they stay on theirs)',
  })
  @ApiProblems(409)
  @ApiOkResponse({ type: PlanDto })
  async update(
    @CurrentTenant() tenantId: TenantId,
    @Param('id', PlanId) id: string,
    @Body() body: UpdatePlanDto,
  ): Promise<PlanDto> {
    return planView(await this.updatePlan.execute(tenantId, id, body));
  }
}
