"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.ApiKeyListDto = exports.CreatedApiKeyDto = exports.ApiKeyDto = exports.CreateApiKeyDto = exports.JwksDto = exports.JwkDto = exports.ServiceTokenDto = exports.ClientCredentialsDto = exports.PrincipalDto = exports.MeDto = exports.RegisterResultDto = exports.UserDto = exports.TokenPairDto = exports.LogoutDto = exports.RefreshDto = exports.LoginDto = exports.RegisterDto = void 0;
const swagger_1 = require("@nestjs/swagger");
const class_transformer_1 = require("class-transformer");
const class_validator_1 = require("class-validator");
const principal_1 = require("../../../shared/context/principal");
const permissions_1 = require("../../../shared/context/permissions");
const tenancy_dto_1 = require("../../tenancy/adapters/tenancy.dto");
class RegisterDto {
    email;
    password;
    name;
    organizationName;
}
exports.RegisterDto = RegisterDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'founder@acme.test' }),
    (0, class_validator_1.IsEmail)(),
    (0, class_validator_1.MaxLength)(254),
    __metadata("design:type", String)
], RegisterDto.prototype, "email", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({
        example: 'correct horse battery staple',
        minLength: 10,
        description: 'at least 10 characters, not the email',
    }),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MaxLength)(256),
    __metadata("design:type", String)
], RegisterDto.prototype, "password", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'Dana Founder' }),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.Length)(1, 100),
    __metadata("design:type", String)
], RegisterDto.prototype, "name", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({
        example: 'Acme Agents',
        description: 'creates an organization owned by the new user',
    }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.Length)(1, 100),
    __metadata("design:type", String)
], RegisterDto.prototype, "organizationName", void 0);
class LoginDto {
    email;
    password;
}
exports.LoginDto = LoginDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'founder@acme.test' }),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MaxLength)(254),
    __metadata("design:type", String)
], LoginDto.prototype, "email", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'correct horse battery staple' }),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MaxLength)(256),
    __metadata("design:type", String)
], LoginDto.prototype, "password", void 0);
class RefreshDto {
    refreshToken;
}
exports.RefreshDto = RefreshDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'rt_Qm9vZ2llIHdvb2dpZSBib29nYWxvbyBiYW5hbmFz' }),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MaxLength)(200),
    __metadata("design:type", String)
], RefreshDto.prototype, "refreshToken", void 0);
class LogoutDto {
    refreshToken;
}
exports.LogoutDto = LogoutDto;
__decorate([
    (0, swagger_1.ApiPropertyOptional)({
        example: 'rt_Qm9vZ2llIHdvb2dpZSBib29nYWxvbyBiYW5hbmFz',
        description: 'defaults to the session of the access token',
    }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MaxLength)(200),
    __metadata("design:type", String)
], LogoutDto.prototype, "refreshToken", void 0);
class TokenPairDto {
    accessToken;
    refreshToken;
    tokenType;
    expiresIn;
}
exports.TokenPairDto = TokenPairDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'eyJhbGciOiJFZERTQSIsImtpZCI6IjIwMjYtMDEtMDUtYWJjIn0...' }),
    __metadata("design:type", String)
], TokenPairDto.prototype, "accessToken", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'rt_Qm9vZ2llIHdvb2dpZSBib29nYWxvbyBiYW5hbmFz' }),
    __metadata("design:type", String)
], TokenPairDto.prototype, "refreshToken", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'Bearer', enum: ['Bearer'] }),
    __metadata("design:type", String)
], TokenPairDto.prototype, "tokenType", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 900, description: 'access token lifetime in seconds' }),
    __metadata("design:type", Number)
], TokenPairDto.prototype, "expiresIn", void 0);
class UserDto {
    id;
    email;
    name;
    createdAt;
}
exports.UserDto = UserDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: '8f6f7c0e-1f4b-4a53-9f0e-2a7a4ff3c5d2' }),
    __metadata("design:type", String)
], UserDto.prototype, "id", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'founder@acme.test' }),
    __metadata("design:type", String)
], UserDto.prototype, "email", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'Dana Founder' }),
    __metadata("design:type", String)
], UserDto.prototype, "name", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '2026-01-05T10:00:00.000Z' }),
    __metadata("design:type", Date)
], UserDto.prototype, "createdAt", void 0);
class RegisterResultDto extends TokenPairDto {
    user;
    organization;
}
exports.RegisterResultDto = RegisterResultDto;
__decorate([
    (0, swagger_1.ApiProperty)({ type: UserDto }),
    __metadata("design:type", UserDto)
], RegisterResultDto.prototype, "user", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: tenancy_dto_1.OrganizationDto, nullable: true }),
    __metadata("design:type", Object)
], RegisterResultDto.prototype, "organization", void 0);
class MeDto {
    kind;
    id;
    tenantId;
    role;
    scopes;
    user;
    organizations;
}
exports.MeDto = MeDto;
__decorate([
    (0, swagger_1.ApiProperty)({ enum: ['user', 'api_key', 'service_account'], example: 'user' }),
    __metadata("design:type", String)
], MeDto.prototype, "kind", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '8f6f7c0e-1f4b-4a53-9f0e-2a7a4ff3c5d2' }),
    __metadata("design:type", String)
], MeDto.prototype, "id", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '5b0d6a4e-3f7a-4c2b-9a57-0c1e1f5d9a11', nullable: true, type: String }),
    __metadata("design:type", Object)
], MeDto.prototype, "tenantId", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ enum: principal_1.ROLES, example: 'owner', nullable: true }),
    __metadata("design:type", Object)
], MeDto.prototype, "role", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: ['agents:read'], type: [String] }),
    __metadata("design:type", Array)
], MeDto.prototype, "scopes", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: UserDto, nullable: true }),
    __metadata("design:type", Object)
], MeDto.prototype, "user", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: [tenancy_dto_1.OrganizationDto] }),
    __metadata("design:type", Array)
], MeDto.prototype, "organizations", void 0);
class PrincipalDto {
    kind;
    tenantId;
}
exports.PrincipalDto = PrincipalDto;
__decorate([
    (0, swagger_1.ApiProperty)({ enum: ['anonymous', 'user', 'api_key', 'service_account'], example: 'api_key' }),
    __metadata("design:type", String)
], PrincipalDto.prototype, "kind", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '5b0d6a4e-3f7a-4c2b-9a57-0c1e1f5d9a11', nullable: true, type: String }),
    __metadata("design:type", Object)
], PrincipalDto.prototype, "tenantId", void 0);
class ClientCredentialsDto {
    grant_type;
    client_id;
    client_secret;
    scope;
    tenant_id;
}
exports.ClientCredentialsDto = ClientCredentialsDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'client_credentials', enum: ['client_credentials'] }),
    (0, class_validator_1.IsIn)(['client_credentials']),
    __metadata("design:type", String)
], ClientCredentialsDto.prototype, "grant_type", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'sa_billing_sync' }),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MaxLength)(128),
    __metadata("design:type", String)
], ClientCredentialsDto.prototype, "client_id", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'sk_9d8f7e6d5c4b3a2f1e0d' }),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MaxLength)(256),
    __metadata("design:type", String)
], ClientCredentialsDto.prototype, "client_secret", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({
        example: 'usage:write invoices:read',
        description: 'space-separated; default all allowed',
    }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MaxLength)(1000),
    __metadata("design:type", String)
], ClientCredentialsDto.prototype, "scope", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({
        example: '5b0d6a4e-3f7a-4c2b-9a57-0c1e1f5d9a11',
        description: 'bind the token to one organization',
    }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsUUID)(),
    __metadata("design:type", String)
], ClientCredentialsDto.prototype, "tenant_id", void 0);
class ServiceTokenDto {
    access_token;
    token_type;
    expires_in;
    scope;
}
exports.ServiceTokenDto = ServiceTokenDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'eyJhbGciOiJFZERTQSIsImtpZCI6IjIwMjYtMDEtMDUtYWJjIn0...' }),
    __metadata("design:type", String)
], ServiceTokenDto.prototype, "access_token", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'Bearer' }),
    __metadata("design:type", String)
], ServiceTokenDto.prototype, "token_type", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 900 }),
    __metadata("design:type", Number)
], ServiceTokenDto.prototype, "expires_in", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'usage:write invoices:read' }),
    __metadata("design:type", String)
], ServiceTokenDto.prototype, "scope", void 0);
class JwkDto {
    kty;
    crv;
    x;
    kid;
    alg;
    use;
}
exports.JwkDto = JwkDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'OKP' }),
    __metadata("design:type", String)
], JwkDto.prototype, "kty", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'Ed25519' }),
    __metadata("design:type", String)
], JwkDto.prototype, "crv", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo' }),
    __metadata("design:type", String)
], JwkDto.prototype, "x", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '2026-01-05-a1b2c3d4e5f6' }),
    __metadata("design:type", String)
], JwkDto.prototype, "kid", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'EdDSA' }),
    __metadata("design:type", String)
], JwkDto.prototype, "alg", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'sig' }),
    __metadata("design:type", String)
], JwkDto.prototype, "use", void 0);
class JwksDto {
    keys;
}
exports.JwksDto = JwksDto;
__decorate([
    (0, swagger_1.ApiProperty)({ type: [JwkDto] }),
    __metadata("design:type", Array)
], JwksDto.prototype, "keys", void 0);
class CreateApiKeyDto {
    name;
    scopes;
    expiresAt;
}
exports.CreateApiKeyDto = CreateApiKeyDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'production backend' }),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.Length)(1, 100),
    __metadata("design:type", String)
], CreateApiKeyDto.prototype, "name", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: ['agents:read', 'chat:invoke'], enum: permissions_1.SCOPES, isArray: true }),
    (0, class_validator_1.IsArray)(),
    (0, class_validator_1.ArrayMinSize)(1),
    (0, class_validator_1.ArrayMaxSize)(permissions_1.SCOPES.length),
    (0, class_validator_1.IsIn)(permissions_1.SCOPES, { each: true }),
    __metadata("design:type", Array)
], CreateApiKeyDto.prototype, "scopes", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: '2027-01-01T00:00:00Z' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_transformer_1.Type)(() => Date),
    (0, class_validator_1.IsDate)(),
    __metadata("design:type", Date)
], CreateApiKeyDto.prototype, "expiresAt", void 0);
class ApiKeyDto {
    id;
    name;
    prefix;
    scopes;
    expiresAt;
    lastUsedAt;
    revokedAt;
    createdBy;
    createdAt;
}
exports.ApiKeyDto = ApiKeyDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: '3c9d1e2f-0a4b-4c5d-8e6f-7a8b9c0d1e2f' }),
    __metadata("design:type", String)
], ApiKeyDto.prototype, "id", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'production backend' }),
    __metadata("design:type", String)
], ApiKeyDto.prototype, "name", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({
        example: 'k3j9x0a8b7c6',
        description: 'visible part: the key starts with tg_live_<prefix>_',
    }),
    __metadata("design:type", String)
], ApiKeyDto.prototype, "prefix", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: ['agents:read'], type: [String] }),
    __metadata("design:type", Array)
], ApiKeyDto.prototype, "scopes", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: null, nullable: true, type: Date }),
    __metadata("design:type", Object)
], ApiKeyDto.prototype, "expiresAt", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: null, nullable: true, type: Date }),
    __metadata("design:type", Object)
], ApiKeyDto.prototype, "lastUsedAt", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: null, nullable: true, type: Date }),
    __metadata("design:type", Object)
], ApiKeyDto.prototype, "revokedAt", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'user:8f6f7c0e-1f4b-4a53-9f0e-2a7a4ff3c5d2', nullable: true, type: String }),
    __metadata("design:type", Object)
], ApiKeyDto.prototype, "createdBy", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '2026-01-05T10:00:00.000Z' }),
    __metadata("design:type", Date)
], ApiKeyDto.prototype, "createdAt", void 0);
class CreatedApiKeyDto extends ApiKeyDto {
    key;
}
exports.CreatedApiKeyDto = CreatedApiKeyDto;
__decorate([
    (0, swagger_1.ApiProperty)({
        example: 'tg_live_k3j9x0a8b7c6_Qm9vZ2llIHdvb2dpZSBib29nYWxvbyBiYW5hbmFzIQ',
        description: 'shown once',
    }),
    __metadata("design:type", String)
], CreatedApiKeyDto.prototype, "key", void 0);
class ApiKeyListDto {
    items;
}
exports.ApiKeyListDto = ApiKeyListDto;
__decorate([
    (0, swagger_1.ApiProperty)({ type: [ApiKeyDto] }),
    __metadata("design:type", Array)
], ApiKeyListDto.prototype, "items", void 0);
//# sourceMappingURL=auth.dto.js.map