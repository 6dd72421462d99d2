import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../../../shared/http/auth.decorators';
import { SigningKeys } from '../application/signing-keys';
import { JwksDto } from './auth.dto';

@ApiTags('auth')
@Controller('.well-known')
export class JwksController {
  constructor(private readonly keys: SigningKeys) {}

  @Get('jwks.json')
  @Public()
  @Header('Cache-Control', 'public, max-age=300')
  @ApiOperation({
    operationId: 'getJwks',
    summary: 'Public keys (next, active, retired) that verify Tollgate access tokens',
  })
  @ApiOkResponse({ type: JwksDto })
  jwks(): JwksDto {
    return { keys: this.keys.jwks() };
  }
}
