import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentTenant, Roles, Scopes } from '../../../shared/http/auth.decorators';
import { TenantId } from '../../../shared/domain/tenant-id';
import { ListAuditLogs } from '../application/list-audit-logs.use-case';
import { AuditLogPageDto, AuditLogQueryDto } from './tenancy.dto';

@ApiTags('audit')
@Controller('api/v1/audit-logs')
export class AuditLogsController {
  constructor(private readonly listAuditLogs: ListAuditLogs) {}

  @Get()
  @Roles('owner', 'admin')
  @Scopes('audit:read')
  @ApiOperation({
    operationId: 'listAuditLogs',
    summary: 'Security-relevant actions in the organization, newest first',
  })
  @ApiOkResponse({ type: AuditLogPageDto })
  list(@CurrentTenant() tenantId: TenantId, @Query() query: AuditLogQueryDto): Promise<AuditLogPageDto> {
    return this.listAuditLogs.execute(tenantId, query);
  }
}
