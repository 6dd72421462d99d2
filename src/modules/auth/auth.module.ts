import { Logger, Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../../config/app-config';
import { Clock } from '../../shared/domain/clock.port';
import { InvalidationBus } from '../../shared/contracts/invalidation-bus';
import { PrincipalResolver } from '../../shared/http/principal-resolver.port';
import { TenancyModule } from '../tenancy/tenancy.module';
import {
  ApiKeyRepository,
  EmailVerificationRepository,
  LoginThrottle,
  RateLimiter,
  RefreshTokenRepository,
  SigningKeyRepository,
  UserRepository,
} from './domain/auth.ports';
import { PasswordHasher } from './application/password-hasher';
import { SigningKeys } from './application/signing-keys';
import { LocalSigningKeys } from './adapters/local-signing-keys';
import { VaultTransitSigningKeys } from './adapters/vault-transit-signing-keys';
import { TokenService } from './application/token-service';
import { Sessions } from './application/sessions';
import { GetMe } from './application/get-me.use-case';
import { LogIn } from './application/log-in.use-case';
import { LogOut } from './application/log-out.use-case';
import { RefreshSession } from './application/refresh-session.use-case';
import { RegisterUser } from './application/register-user.use-case';
import { CreateOwner } from './application/create-owner.use-case';
import { EmailVerifications } from './application/email-verifications';
import { VerifyEmail } from './application/verify-email.use-case';
import { ResendVerificationEmail } from './application/resend-verification-email.use-case';
import { SetDefaultOrganization } from './application/set-default-organization.use-case';
import { MailModule } from '../../shared/mail/mail.module';
import { RedisRateLimiter } from './adapters/redis-rate-limiter';
import { ApiKeyAuthenticator } from './application/api-key-authenticator';
import { CreateApiKey } from './application/create-api-key.use-case';
import { ListApiKeys } from './application/list-api-keys.use-case';
import { RevokeApiKey } from './application/revoke-api-key.use-case';
import { IssueServiceToken } from './application/issue-service-token.use-case';
import { ServiceAccountCatalog } from './application/service-account-catalog';
import { ApiKeyRow } from './adapters/api-key.orm-entity';
import {
  SqlEmailVerificationRepository,
  SqlRefreshTokenRepository,
  SqlSigningKeyRepository,
  SqlUserRepository,
  TypeOrmApiKeyRepository,
} from './adapters/typeorm-auth.repositories';
import { RedisLoginThrottle } from './adapters/redis-login-throttle';
import { CredentialsPrincipalResolver } from './adapters/credentials-principal-resolver';
import { AuthController } from './adapters/auth.controller';
import { JwksController } from './adapters/jwks.controller';
import { ServiceAccountKeysController } from './adapters/service-account-keys.controller';
import { SqlServiceAccountKeyRepository } from './adapters/sql-service-account-key.repository';
import { RedisNonceStore } from './adapters/redis-nonce-store';
import { NonceStore, ServiceAccountKeyRepository } from './domain/http-signature';
import { SignedRequestAuthenticator } from './application/signed-requests';
import { RevokeServiceAccountKey } from './application/revoke-service-account-key.use-case';
import { RegisterServiceAccountKey } from './application/register-service-account-key.use-case';
import { ApiKeysController } from './adapters/api-keys.controller';

/** Users, sessions, signing keys, API keys, service accounts; provides the PrincipalResolver to the guard. */
@Module({
  imports: [TenancyModule, MailModule, TypeOrmModule.forFeature([ApiKeyRow])],
  controllers: [AuthController, JwksController, ApiKeysController, ServiceAccountKeysController],
  providers: [
    { provide: UserRepository, useClass: SqlUserRepository },
    { provide: RefreshTokenRepository, useClass: SqlRefreshTokenRepository },
    { provide: SigningKeyRepository, useClass: SqlSigningKeyRepository },
    { provide: ApiKeyRepository, useClass: TypeOrmApiKeyRepository },
    { provide: LoginThrottle, useClass: RedisLoginThrottle },
    { provide: RateLimiter, useClass: RedisRateLimiter },
    { provide: EmailVerificationRepository, useClass: SqlEmailVerificationRepository },
    { provide: PrincipalResolver, useClass: CredentialsPrincipalResolver },
    { provide: ServiceAccountKeyRepository, useClass: SqlServiceAccountKeyRepository },
    { provide: NonceStore, useClass: RedisNonceStore },
    SignedRequestAuthenticator,
    RegisterServiceAccountKey,
    RevokeServiceAccountKey,
    PasswordHasher,
    {
      // Only the configured adapter is built (and started): the other would touch its store for nothing.
      provide: SigningKeys,
      inject: [SigningKeyRepository, InvalidationBus, AppConfig, Clock],
      useFactory: (repo: SigningKeyRepository, bus: InvalidationBus, config: AppConfig, clock: Clock) =>
        config.signingBackend === 'vault'
          ? new VaultTransitSigningKeys(bus, config, clock)
          : new LocalSigningKeys(repo, bus, config, clock),
    },
    TokenService,
    Sessions,
    RegisterUser,
    CreateOwner,
    EmailVerifications,
    VerifyEmail,
    ResendVerificationEmail,
    SetDefaultOrganization,
    LogIn,
    RefreshSession,
    LogOut,
    GetMe,
    ApiKeyAuthenticator,
    CreateApiKey,
    ListApiKeys,
    RevokeApiKey,
    ServiceAccountCatalog,
    IssueServiceToken,
  ],
  exports: [
    PrincipalResolver,
    SigningKeys,
    TokenService,
    CreateApiKey,
    IssueServiceToken,
    ServiceAccountCatalog,
    RegisterUser,
    CreateOwner,
    PasswordHasher,
  ],
})
export class AuthModule implements OnModuleInit {
  constructor(private readonly config: AppConfig) {}

  onModuleInit(): void {
    const { devSecretsInUse } = this.config.auth;
    if (this.config.nodeEnv === 'production' && devSecretsInUse.length) {
      new Logger('AuthModule').warn(
        `Using development defaults for ${devSecretsInUse.join(', ')} in production: set them (see .env.example)`,
      );
    }
  }
}
