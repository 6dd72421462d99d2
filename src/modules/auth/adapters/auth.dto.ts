import { ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDate,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  MaxLength,
  ValidateIf,
} from 'class-validator';
import { ROLES } from '../../../shared/context/principal';
import { SCOPES } from '../../../shared/context/permissions';
import { OrganizationDto } from '../../../shared/contracts/organizations.dto';

export class RegisterDto {
  @ApiProperty({ example: 'founder@acme.test' })
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @ApiProperty({
    example: 'correct horse battery staple',
    minLength: 10,
    description: 'at least 10 characters, not the email',
  })
  @IsString()
  @MaxLength(256)
  password!: string;

  @ApiProperty({ example: 'Dana Founder' })
  @IsString()
  @Length(1, 100)
  name!: string;

  @ApiPropertyOptional({
    example: 'Acme Agents',
    description: 'creates an organization owned by the new user',
  })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  organizationName?: string;
}

export class LoginDto {
  @ApiProperty({ example: 'founder@acme.test' })
  @IsString()
  @MaxLength(254)
  email!: string;

  @ApiProperty({ example: 'correct horse battery staple' })
  @IsString()
  @MaxLength(256)
  password!: string;
}

export class RefreshDto {
  @ApiProperty({ example: 'rt_Qm9vZ2llIHdvb2dpZSBib29nYWxvbyBiYW5hbmFz' })
  @IsString()
  @MaxLength(200)
  refreshToken!: string;
}

export class LogoutDto {
  @ApiPropertyOptional({
    example: 'rt_Qm9vZ2llIHdvb2dpZSBib29nYWxvbyBiYW5hbmFz',
    description: 'defaults to the session of the access token',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  refreshToken?: string;
}

export class TokenPairDto {
  @ApiProperty({ example: 'eyJhbGciOiJFZERTQSIsImtpZCI6IjIwMjYtMDEtMDUtYWJjIn0...' }) accessToken!: string;
  @ApiProperty({ example: 'rt_Qm9vZ2llIHdvb2dpZSBib29nYWxvbyBiYW5hbmFz' }) refreshToken!: string;
  @ApiProperty({ example: 'Bearer', enum: ['Bearer'] }) tokenType!: 'Bearer';
  @ApiProperty({ example: 900, description: 'access token lifetime in seconds' }) expiresIn!: number;
}

export class UserDto {
  @ApiProperty({ example: '8f6f7c0e-1f4b-4a53-9f0e-2a7a4ff3c5d2' }) id!: string;
  @ApiProperty({ example: 'founder@acme.test' }) email!: string;
  @ApiProperty({ example: 'Dana Founder' }) name!: string;
  @ApiProperty({ example: true }) emailVerified!: boolean;
  @ApiProperty({ example: '2026-01-05T10:00:00.000Z' }) createdAt!: Date;
}

export class RegistrationAcceptedDto {
  @ApiProperty({ enum: ['verification_sent'], example: 'verification_sent' }) status!: 'verification_sent';
  @ApiProperty({
    example: 'If the address can be registered, a mail with a verification link is on its way to it.',
  })
  message!: string;
}

export class VerifyEmailDto {
  @ApiProperty({
    example: 'ev_Qm9vZ2llIHdvb2dpZSBib29nYWxvbyBiYW5hbmFzIQ',
    description: 'from the verification mail',
  })
  @IsString()
  @Length(10, 200)
  token!: string;
}

export class UpdateMeDto {
  @ApiProperty({
    example: '5b0d6a4e-3f7a-4c2b-9a57-0c1e1f5d9a11',
    nullable: true,
    type: String,
    description: 'organization used when a request sends no X-Organization-Id; null = the first one joined',
  })
  @ValidateIf((_o, v) => v !== null)
  @IsUUID()
  defaultOrganizationId!: string | null;
}

export class MeDto {
  @ApiProperty({ enum: ['user', 'api_key', 'service_account'], example: 'user' }) kind!: string;
  @ApiProperty({ example: '8f6f7c0e-1f4b-4a53-9f0e-2a7a4ff3c5d2' }) id!: string;
  @ApiProperty({ example: '5b0d6a4e-3f7a-4c2b-9a57-0c1e1f5d9a11', nullable: true, type: String }) tenantId!:
    string | null;
  @ApiProperty({ enum: ROLES, example: 'owner', nullable: true }) role!: string | null;
  @ApiProperty({ example: ['agents:read'], type: [String] }) scopes!: readonly string[];
  // OpenAPI 3.0 applies `nullable` to a sibling `type` only, not through a $ref: a strict validator
  // refused null here. The null alternative is explicit (generated clients type it `UserDto | null`).
  @ApiProperty({
    anyOf: [{ $ref: getSchemaPath(UserDto) }, { type: 'object', nullable: true, enum: [null] }],
  })
  user!: UserDto | null;
  @ApiProperty({ example: true, nullable: true, type: Boolean, description: 'users only' })
  emailVerified!: boolean | null;
  @ApiProperty({
    example: '5b0d6a4e-3f7a-4c2b-9a57-0c1e1f5d9a11',
    nullable: true,
    type: String,
    description: 'users: the organization requests without X-Organization-Id act in',
  })
  defaultOrganizationId!: string | null;
  @ApiProperty({ type: [OrganizationDto] }) organizations!: OrganizationDto[];
}

export class PrincipalDto {
  @ApiProperty({ enum: ['anonymous', 'user', 'api_key', 'service_account'], example: 'api_key' })
  kind!: string;
  @ApiProperty({ example: '5b0d6a4e-3f7a-4c2b-9a57-0c1e1f5d9a11', nullable: true, type: String }) tenantId!:
    string | null;
}

export class ClientCredentialsDto {
  @ApiProperty({ example: 'client_credentials', enum: ['client_credentials'] })
  @IsIn(['client_credentials'])
  grant_type!: 'client_credentials';

  @ApiProperty({ example: 'sa_billing_sync' })
  @IsString()
  @MaxLength(128)
  client_id!: string;

  @ApiProperty({ example: 'sk_9d8f7e6d5c4b3a2f1e0d' })
  @IsString()
  @MaxLength(256)
  client_secret!: string;

  @ApiPropertyOptional({
    example: 'usage:write invoices:read',
    description: 'space-separated; default all allowed',
  })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  scope?: string;

  @ApiPropertyOptional({
    example: '5b0d6a4e-3f7a-4c2b-9a57-0c1e1f5d9a11',
    description: 'bind the token to one organization',
  })
  @IsOptional()
  @IsUUID()
  tenant_id?: string;
}

export class ServiceTokenDto {
  @ApiProperty({ example: 'eyJhbGciOiJFZERTQSIsImtpZCI6IjIwMjYtMDEtMDUtYWJjIn0...' }) access_token!: string;
  @ApiProperty({ example: 'Bearer' }) token_type!: 'Bearer';
  @ApiProperty({ example: 900 }) expires_in!: number;
  @ApiProperty({ example: 'usage:write invoices:read' }) scope!: string;
}

export class JwkDto {
  @ApiProperty({ example: 'OKP' }) kty!: string;
  @ApiProperty({ example: 'Ed25519' }) crv!: string;
  @ApiProperty({ example: '11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo' }) x!: string;
  @ApiProperty({ example: '2026-01-05-a1b2c3d4e5f6' }) kid!: string;
  @ApiProperty({ example: 'EdDSA' }) alg!: string;
  @ApiProperty({ example: 'sig' }) use!: string;
}

export class JwksDto {
  @ApiProperty({ type: [JwkDto] }) keys!: JwkDto[];
}

export class CreateApiKeyDto {
  @ApiProperty({ example: 'production backend' })
  @IsString()
  @Length(1, 100)
  name!: string;

  @ApiProperty({ example: ['agents:read', 'chat:invoke'], enum: SCOPES, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(SCOPES.length)
  @IsIn(SCOPES, { each: true })
  scopes!: string[];

  @ApiPropertyOptional({ example: '2027-01-01T00:00:00Z' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  expiresAt?: Date;
}

export class ApiKeyDto {
  @ApiProperty({ example: '3c9d1e2f-0a4b-4c5d-8e6f-7a8b9c0d1e2f' }) id!: string;
  @ApiProperty({ example: 'production backend' }) name!: string;
  @ApiProperty({
    example: 'k3j9x0a8b7c6',
    description: 'visible part: the key starts with tg_live_<prefix>_',
  })
  prefix!: string;
  @ApiProperty({ example: ['agents:read'], type: [String] }) scopes!: string[];
  @ApiProperty({ example: null, nullable: true, type: Date }) expiresAt!: Date | null;
  @ApiProperty({ example: null, nullable: true, type: Date }) lastUsedAt!: Date | null;
  @ApiProperty({ example: null, nullable: true, type: Date }) revokedAt!: Date | null;
  @ApiProperty({ example: 'user:8f6f7c0e-1f4b-4a53-9f0e-2a7a4ff3c5d2', nullable: true, type: String })
  createdBy!: string | null;
  @ApiProperty({ example: '2026-01-05T10:00:00.000Z' }) createdAt!: Date;
}

export class CreatedApiKeyDto extends ApiKeyDto {
  @ApiProperty({
    example: 'tg_live_k3j9x0a8b7c6_Qm9vZ2llIHdvb2dpZSBib29nYWxvbyBiYW5hbmFzIQ',
    description: 'shown once',
  })
  key!: string;
}

export class ApiKeyListDto {
  @ApiProperty({ type: [ApiKeyDto] }) items!: ApiKeyDto[];
  @ApiProperty({ example: null, nullable: true, type: String }) nextCursor!: string | null;
}
