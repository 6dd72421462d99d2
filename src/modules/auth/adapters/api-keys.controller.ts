import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentPrincipal, CurrentTenant, Scopes } from '../../../shared/http/auth.decorators';
import { Principal } from '../../../shared/context/principal';
import { TenantId } from '../../../shared/domain/tenant-id';
import { CreateApiKey } from '../application/create-api-key.use-case';
import { ListApiKeys } from '../application/list-api-keys.use-case';
import { RevokeApiKey } from '../application/revoke-api-key.use-case';
import { ApiKeyListDto, CreateApiKeyDto, CreatedApiKeyDto } from './auth.dto';
import { createdKey, paginateInMemory } from '../../../shared/http/cursor';
import { CursorPageQuery } from '../../../shared/http/pagination.dto';

@ApiTags('api-keys')
@Controller('api/v1/api-keys')
export class ApiKeysController {
  constructor(
    private readonly createApiKey: CreateApiKey,
    private readonly listApiKeys: ListApiKeys,
    private readonly revokeApiKey: RevokeApiKey,
  ) {}

  @Post()
  @Scopes('api_keys:manage')
  @ApiOperation({ operationId: 'createApiKey', summary: 'Create an API key (the secret is shown once)' })
  @ApiCreatedResponse({ type: CreatedApiKeyDto })
  create(
    @CurrentTenant() tenantId: TenantId,
    @CurrentPrincipal() principal: Principal,
    @Body() body: CreateApiKeyDto,
  ): Promise<CreatedApiKeyDto> {
    return this.createApiKey.execute(tenantId, principal, body);
  }

  @Get()
  @Scopes('api_keys:read')
  @ApiOperation({
    operationId: 'listApiKeys',
    summary: "List the organization's API keys (prefix, scopes, last use, expiry)",
  })
  @ApiOkResponse({ type: ApiKeyListDto })
  async list(@CurrentTenant() tenantId: TenantId, @Query() q: CursorPageQuery): Promise<ApiKeyListDto> {
    return paginateInMemory(await this.listApiKeys.execute(tenantId), q, createdKey);
  }

  @Delete(':id')
  @HttpCode(204)
  @Scopes('api_keys:manage')
  @ApiOperation({
    operationId: 'revokeApiKey',
    summary: 'Revoke an API key; it fails on every instance from now on',
  })
  @ApiNoContentResponse({ description: 'Revoked' })
  async revoke(
    @CurrentTenant() tenantId: TenantId,
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<void> {
    await this.revokeApiKey.execute(tenantId, id, principal);
  }
}
