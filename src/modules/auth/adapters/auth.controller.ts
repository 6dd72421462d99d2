import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { ClsService } from 'nestjs-cls';
import { CurrentPrincipal, Public } from '../../../shared/http/auth.decorators';
import { Principal } from '../../../shared/context/principal';
import { RequestContextStore } from '../../../shared/context/request-context';
import { GetMe, LogIn, LogOut, RefreshSession, RegisterUser } from '../application/user-sessions.use-cases';
import { IssueServiceToken } from '../application/service-accounts';
import {
  ClientCredentialsDto,
  LoginDto,
  LogoutDto,
  MeDto,
  PrincipalDto,
  RefreshDto,
  RegisterDto,
  RegisterResultDto,
  ServiceTokenDto,
  TokenPairDto,
} from './auth.dto';
import { ApiProblems } from '../../../shared/http/openapi.decorators';

@ApiTags('auth')
@Controller('api/v1/auth')
export class AuthController {
  constructor(
    private readonly registerUser: RegisterUser,
    private readonly logIn: LogIn,
    private readonly refreshSession: RefreshSession,
    private readonly logOut: LogOut,
    private readonly getMe: GetMe,
    private readonly issueServiceToken: IssueServiceToken,
    private readonly cls: ClsService<RequestContextStore>,
  ) {}

  @Post('register')
  @Public()
  @ApiOperation({
    operationId: 'registerUser',
    summary: 'Create an account (and optionally an organization it owns) and sign in',
  })
  @ApiProblems(409)
  @ApiCreatedResponse({ type: RegisterResultDto })
  register(@Body() body: RegisterDto): Promise<RegisterResultDto> {
    return this.registerUser.execute(body);
  }

  @Post('login')
  @Public()
  @HttpCode(200)
  @ApiOperation({ operationId: 'logIn', summary: 'Sign in with email and password' })
  @ApiProblems(401, 429)
  @ApiOkResponse({ type: TokenPairDto })
  login(@Body() body: LoginDto, @Req() request: FastifyRequest): Promise<TokenPairDto> {
    return this.logIn.execute({ ...body, ip: request.ip });
  }

  @Post('refresh')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    operationId: 'refreshTokens',
    summary: 'Exchange a refresh token for new tokens (the old refresh token stops working)',
  })
  @ApiProblems(401)
  @ApiOkResponse({ type: TokenPairDto })
  refresh(@Body() body: RefreshDto): Promise<TokenPairDto> {
    return this.refreshSession.execute(body.refreshToken);
  }

  @Post('logout')
  @HttpCode(204)
  @ApiOperation({ operationId: 'logOut', summary: 'End the session: its refresh tokens stop working' })
  @ApiNoContentResponse({ description: 'Signed out' })
  async logout(@CurrentPrincipal() principal: Principal, @Body() body: LogoutDto): Promise<void> {
    await this.logOut.execute(principal, body?.refreshToken);
  }

  @Get('me')
  @ApiOperation({
    operationId: 'getCurrentUser',
    summary: 'The caller: user and organizations (or the API key / service account)',
  })
  @ApiOkResponse({ type: MeDto })
  me(@CurrentPrincipal() principal: Principal): Promise<MeDto> {
    return this.getMe.execute(principal);
  }

  @Get('principal')
  @Public()
  @ApiOperation({
    operationId: 'getCurrentPrincipal',
    summary: 'What the sent credentials resolve to (anonymous when none); cheap, for probes',
  })
  @ApiOkResponse({ type: PrincipalDto })
  principal(): PrincipalDto {
    const principal = this.cls.get('principal');
    return { kind: principal?.kind ?? 'anonymous', tenantId: principal?.tenantId ?? null };
  }

  @Post('token')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    operationId: 'issueToken',
    summary: 'OAuth 2.0 client credentials: a scoped access token for a service account',
  })
  @ApiProblems(401)
  @ApiOkResponse({ type: ServiceTokenDto })
  token(@Body() body: ClientCredentialsDto): Promise<ServiceTokenDto> {
    return this.issueServiceToken.execute({
      clientId: body.client_id,
      clientSecret: body.client_secret,
      scope: body.scope,
      tenantId: body.tenant_id,
    });
  }
}
