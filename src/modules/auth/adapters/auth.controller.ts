import { Body, Controller, Get, HttpCode, Patch, Post, Req } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiExtraModels,
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
import { GetMe } from '../application/get-me.use-case';
import { LogIn } from '../application/log-in.use-case';
import { LogOut } from '../application/log-out.use-case';
import { RefreshSession } from '../application/refresh-session.use-case';
import { RegisterUser } from '../application/register-user.use-case';
import { VerifyEmail } from '../application/verify-email.use-case';
import { ResendVerificationEmail } from '../application/resend-verification-email.use-case';
import { SetDefaultOrganization } from '../application/set-default-organization.use-case';
import { ForbiddenError } from '../../../shared/domain/domain-error';
import { IssueServiceToken } from '../application/issue-service-token.use-case';
import {
  ClientCredentialsDto,
  LoginDto,
  LogoutDto,
  MeDto,
  PrincipalDto,
  RefreshDto,
  RegisterDto,
  RegistrationAcceptedDto,
  ServiceTokenDto,
  TokenPairDto,
  UpdateMeDto,
  UserDto,
  VerifyEmailDto,
} from './auth.dto';
import { ApiProblems } from '../../../shared/http/openapi.decorators';

const userOnly = (p: Principal) => {
  if (p.kind !== 'user') throw new ForbiddenError('Only users have this', 'user_required');
  return p.id;
};

@ApiTags('auth')
@ApiExtraModels(UserDto) // MeDto.user refers to it
@Controller('api/v1/auth')
export class AuthController {
  constructor(
    private readonly registerUser: RegisterUser,
    private readonly logIn: LogIn,
    private readonly refreshSession: RefreshSession,
    private readonly logOut: LogOut,
    private readonly getMe: GetMe,
    private readonly issueServiceToken: IssueServiceToken,
    private readonly verifyEmailToken: VerifyEmail,
    private readonly resendVerification: ResendVerificationEmail,
    private readonly setDefaultOrganization: SetDefaultOrganization,
    private readonly cls: ClsService<RequestContextStore>,
  ) {}

  @Post('register')
  @Public()
  @HttpCode(202)
  @ApiProblems(429)
  @ApiOperation({
    operationId: 'registerUser',
    summary:
      'Create an account (and optionally an organization it owns); a verification link is mailed. ' +
      'The answer is the same for an address that already has an account. Sign in with /auth/login.',
  })
  @ApiAcceptedResponse({ type: RegistrationAcceptedDto })
  register(@Body() body: RegisterDto, @Req() request: FastifyRequest): Promise<RegistrationAcceptedDto> {
    return this.registerUser.execute({ ...body, ip: request.ip });
  }

  @Post('verify-email')
  @Public()
  @HttpCode(204)
  @ApiOperation({
    operationId: 'verifyEmail',
    summary: 'Verify the email address with the single-use token from the verification mail',
  })
  @ApiNoContentResponse({ description: 'Verified' })
  async verifyEmail(@Body() body: VerifyEmailDto): Promise<void> {
    await this.verifyEmailToken.execute(body.token);
  }

  @Post('verify-email/resend')
  @HttpCode(204)
  @ApiOperation({
    operationId: 'resendVerificationEmail',
    summary: 'Mail a new verification link to the signed-in user (rate-limited)',
  })
  @ApiProblems(409, 429)
  @ApiNoContentResponse({ description: 'A new mail is on its way' })
  async resendVerificationEmail(@CurrentPrincipal() principal: Principal): Promise<void> {
    await this.resendVerification.execute(userOnly(principal));
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

  @Patch('me')
  @ApiProblems(404)
  @ApiOperation({
    operationId: 'updateCurrentUser',
    summary: 'Choose the default organization (used when a request sends no X-Organization-Id)',
  })
  @ApiOkResponse({ type: MeDto })
  async updateMe(@CurrentPrincipal() principal: Principal, @Body() body: UpdateMeDto): Promise<MeDto> {
    const userId = userOnly(principal);
    await this.setDefaultOrganization.execute(userId, body.defaultOrganizationId);
    // tenantId/role describe this request (resolved before the change); defaultOrganizationId is the new one.
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
  @ApiProblems(401, 403, 429)
  @ApiOkResponse({ type: ServiceTokenDto })
  token(@Body() body: ClientCredentialsDto, @Req() request: FastifyRequest): Promise<ServiceTokenDto> {
    return this.issueServiceToken.execute({
      ip: request.ip,
      clientId: body.client_id,
      clientSecret: body.client_secret,
      scope: body.scope,
      tenantId: body.tenant_id,
    });
  }
}
