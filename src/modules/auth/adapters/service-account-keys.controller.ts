import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Principal } from '../../../shared/context/principal';
import { ForbiddenError } from '../../../shared/domain/domain-error';
import { CurrentPrincipal } from '../../../shared/http/auth.decorators';
import { ApiProblems } from '../../../shared/http/openapi.decorators';
import { RegisterServiceAccountKey } from '../application/register-service-account-key.use-case';
import { RevokeServiceAccountKey } from '../application/revoke-service-account-key.use-case';
import { ServiceAccountKey, ServiceAccountKeyRepository } from '../domain/http-signature';
import {
  RegisterServiceAccountKeyDto,
  ServiceAccountKeyDto,
  ServiceAccountKeyListDto,
} from './service-account-keys.dto';
import { paginateInMemory } from '../../../shared/http/cursor';
import { CursorPageQuery } from '../../../shared/http/pagination.dto';

const serviceAccountOnly = (p: Principal) => {
  if (p.kind !== 'service_account')
    throw new ForbiddenError('Only a service account registers signing keys', 'service_account_required');
  return p.id;
};

const view = (k: ServiceAccountKey): ServiceAccountKeyDto => ({
  keyId: k.keyId,
  serviceAccount: k.serviceAccount,
  publicKeyJwk: { kty: 'OKP', crv: 'Ed25519', x: k.publicKey },
  createdAt: k.createdAt,
  revokedAt: k.revokedAt,
});

/** The calling service account's request-signing keys (RFC 9421; see docs/modules/auth.md). */
@ApiTags('auth')
@Controller('api/v1/auth/service-account-keys')
export class ServiceAccountKeysController {
  constructor(
    private readonly register: RegisterServiceAccountKey,
    private readonly revokeKey: RevokeServiceAccountKey,
    private readonly keys: ServiceAccountKeyRepository,
  ) {}

  @Post()
  @ApiOperation({
    operationId: 'registerServiceAccountKey',
    summary: 'Register an Ed25519 public key to sign requests with (HTTP Message Signatures)',
  })
  @ApiProblems(403)
  @ApiCreatedResponse({ type: ServiceAccountKeyDto })
  async create(
    @CurrentPrincipal() principal: Principal,
    @Body() body: RegisterServiceAccountKeyDto,
  ): Promise<ServiceAccountKeyDto> {
    const key = await this.register.execute(serviceAccountOnly(principal), {
      jwk: body.publicKeyJwk,
      pem: body.publicKeyPem,
      keyId: body.keyId,
    });
    return view(key);
  }

  @Get()
  @ApiOperation({
    operationId: 'listServiceAccountKeys',
    summary: "The calling service account's signing keys",
  })
  @ApiProblems(403)
  @ApiOkResponse({ type: ServiceAccountKeyListDto })
  async list(
    @CurrentPrincipal() principal: Principal,
    @Query() q: CursorPageQuery,
  ): Promise<ServiceAccountKeyListDto> {
    const keys = (await this.keys.list(serviceAccountOnly(principal))).map(view);
    return paginateInMemory(keys, q, (k) => k.keyId);
  }

  @Delete(':keyId')
  @HttpCode(204)
  @ApiOperation({
    operationId: 'revokeServiceAccountKey',
    summary: 'Revoke a signing key (signatures by it fail)',
  })
  @ApiProblems(403)
  @ApiNoContentResponse()
  async revoke(@CurrentPrincipal() principal: Principal, @Param('keyId') keyId: string): Promise<void> {
    await this.revokeKey.execute(serviceAccountOnly(principal), keyId);
  }
}
