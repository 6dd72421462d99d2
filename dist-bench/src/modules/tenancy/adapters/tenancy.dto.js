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
exports.AuditLogPageDto = exports.AuditLogDto = exports.AuditLogQueryDto = exports.MemberListDto = exports.AddMemberResultDto = exports.InvitationDto = exports.MemberDto = exports.ChangeRoleDto = exports.AddMemberDto = exports.OrganizationListDto = exports.OrganizationDto = exports.UpdateOrganizationDto = exports.CreateOrganizationDto = void 0;
const swagger_1 = require("@nestjs/swagger");
const class_transformer_1 = require("class-transformer");
const class_validator_1 = require("class-validator");
const principal_1 = require("../../../shared/context/principal");
class CreateOrganizationDto {
    name;
}
exports.CreateOrganizationDto = CreateOrganizationDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'Acme Agents' }),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.Length)(1, 100),
    __metadata("design:type", String)
], CreateOrganizationDto.prototype, "name", void 0);
class UpdateOrganizationDto {
    name;
}
exports.UpdateOrganizationDto = UpdateOrganizationDto;
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: 'Acme Agents Inc.' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.Length)(1, 100),
    __metadata("design:type", String)
], UpdateOrganizationDto.prototype, "name", void 0);
class OrganizationDto {
    id;
    name;
    createdAt;
    role;
}
exports.OrganizationDto = OrganizationDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: '5b0d6a4e-3f7a-4c2b-9a57-0c1e1f5d9a11' }),
    __metadata("design:type", String)
], OrganizationDto.prototype, "id", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'Acme Agents' }),
    __metadata("design:type", String)
], OrganizationDto.prototype, "name", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '2026-01-05T10:00:00.000Z' }),
    __metadata("design:type", Date)
], OrganizationDto.prototype, "createdAt", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ enum: principal_1.ROLES, example: 'owner', description: "the caller's role in it" }),
    __metadata("design:type", String)
], OrganizationDto.prototype, "role", void 0);
class OrganizationListDto {
    items;
}
exports.OrganizationListDto = OrganizationListDto;
__decorate([
    (0, swagger_1.ApiProperty)({ type: [OrganizationDto] }),
    __metadata("design:type", Array)
], OrganizationListDto.prototype, "items", void 0);
class AddMemberDto {
    email;
    role;
}
exports.AddMemberDto = AddMemberDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'dev@acme.test' }),
    (0, class_validator_1.IsEmail)(),
    (0, class_validator_1.MaxLength)(254),
    __metadata("design:type", String)
], AddMemberDto.prototype, "email", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ enum: principal_1.ROLES, example: 'member' }),
    (0, class_validator_1.IsIn)(principal_1.ROLES),
    __metadata("design:type", String)
], AddMemberDto.prototype, "role", void 0);
class ChangeRoleDto {
    role;
}
exports.ChangeRoleDto = ChangeRoleDto;
__decorate([
    (0, swagger_1.ApiProperty)({ enum: principal_1.ROLES, example: 'admin' }),
    (0, class_validator_1.IsIn)(principal_1.ROLES),
    __metadata("design:type", String)
], ChangeRoleDto.prototype, "role", void 0);
class MemberDto {
    userId;
    email;
    name;
    role;
    joinedAt;
}
exports.MemberDto = MemberDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: '8f6f7c0e-1f4b-4a53-9f0e-2a7a4ff3c5d2' }),
    __metadata("design:type", String)
], MemberDto.prototype, "userId", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'dev@acme.test' }),
    __metadata("design:type", String)
], MemberDto.prototype, "email", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'Dana Dev' }),
    __metadata("design:type", String)
], MemberDto.prototype, "name", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ enum: principal_1.ROLES, example: 'member' }),
    __metadata("design:type", String)
], MemberDto.prototype, "role", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '2026-01-05T10:00:00.000Z' }),
    __metadata("design:type", Date)
], MemberDto.prototype, "joinedAt", void 0);
class InvitationDto {
    id;
    email;
    role;
    createdAt;
}
exports.InvitationDto = InvitationDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: '3c9d1e2f-0a4b-4c5d-8e6f-7a8b9c0d1e2f' }),
    __metadata("design:type", String)
], InvitationDto.prototype, "id", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'new@acme.test' }),
    __metadata("design:type", String)
], InvitationDto.prototype, "email", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ enum: principal_1.ROLES, example: 'viewer' }),
    __metadata("design:type", String)
], InvitationDto.prototype, "role", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '2026-01-05T10:00:00.000Z' }),
    __metadata("design:type", Date)
], InvitationDto.prototype, "createdAt", void 0);
class AddMemberResultDto {
    status;
    member;
    invitation;
}
exports.AddMemberResultDto = AddMemberResultDto;
__decorate([
    (0, swagger_1.ApiProperty)({ enum: ['added', 'invited'], example: 'added', description: 'invited: no account yet' }),
    __metadata("design:type", String)
], AddMemberResultDto.prototype, "status", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ type: MemberDto }),
    __metadata("design:type", MemberDto)
], AddMemberResultDto.prototype, "member", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ type: InvitationDto }),
    __metadata("design:type", InvitationDto)
], AddMemberResultDto.prototype, "invitation", void 0);
class MemberListDto {
    members;
    invitations;
}
exports.MemberListDto = MemberListDto;
__decorate([
    (0, swagger_1.ApiProperty)({ type: [MemberDto] }),
    __metadata("design:type", Array)
], MemberListDto.prototype, "members", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: [InvitationDto] }),
    __metadata("design:type", Array)
], MemberListDto.prototype, "invitations", void 0);
class AuditLogQueryDto {
    action;
    from;
    to;
    limit;
    cursor;
}
exports.AuditLogQueryDto = AuditLogQueryDto;
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: 'member.role_changed' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MaxLength)(64),
    __metadata("design:type", String)
], AuditLogQueryDto.prototype, "action", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: '2026-01-01T00:00:00Z', description: 'inclusive' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_transformer_1.Type)(() => Date),
    (0, class_validator_1.IsDate)(),
    __metadata("design:type", Date)
], AuditLogQueryDto.prototype, "from", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: '2026-02-01T00:00:00Z', description: 'exclusive' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_transformer_1.Type)(() => Date),
    (0, class_validator_1.IsDate)(),
    __metadata("design:type", Date)
], AuditLogQueryDto.prototype, "to", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: 50, minimum: 1, maximum: 200 }),
    (0, class_validator_1.IsOptional)(),
    (0, class_transformer_1.Type)(() => Number),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(1),
    (0, class_validator_1.Max)(200),
    __metadata("design:type", Number)
], AuditLogQueryDto.prototype, "limit", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({
        example: 'MjAyNi0wMS0wNVQxMDowMDowMC4wMDBafDNjOWQ',
        description: 'nextCursor of the previous page',
    }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MaxLength)(200),
    __metadata("design:type", String)
], AuditLogQueryDto.prototype, "cursor", void 0);
class AuditLogDto {
    id;
    action;
    actorKind;
    actorId;
    target;
    ip;
    requestId;
    details;
    createdAt;
}
exports.AuditLogDto = AuditLogDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: '3c9d1e2f-0a4b-4c5d-8e6f-7a8b9c0d1e2f' }),
    __metadata("design:type", String)
], AuditLogDto.prototype, "id", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'api_key.created' }),
    __metadata("design:type", String)
], AuditLogDto.prototype, "action", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'user', nullable: true, type: String }),
    __metadata("design:type", Object)
], AuditLogDto.prototype, "actorKind", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '8f6f7c0e-1f4b-4a53-9f0e-2a7a4ff3c5d2', nullable: true, type: String }),
    __metadata("design:type", Object)
], AuditLogDto.prototype, "actorId", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'a1b2c3d4-0000-4000-8000-000000000000', nullable: true, type: String }),
    __metadata("design:type", Object)
], AuditLogDto.prototype, "target", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '203.0.113.7', nullable: true, type: String }),
    __metadata("design:type", Object)
], AuditLogDto.prototype, "ip", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'req-123', nullable: true, type: String }),
    __metadata("design:type", Object)
], AuditLogDto.prototype, "requestId", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: { scopes: ['agents:read'] }, type: 'object', additionalProperties: true }),
    __metadata("design:type", Object)
], AuditLogDto.prototype, "details", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '2026-01-05T10:00:00.000Z' }),
    __metadata("design:type", Date)
], AuditLogDto.prototype, "createdAt", void 0);
class AuditLogPageDto {
    items;
    nextCursor;
}
exports.AuditLogPageDto = AuditLogPageDto;
__decorate([
    (0, swagger_1.ApiProperty)({ type: [AuditLogDto] }),
    __metadata("design:type", Array)
], AuditLogPageDto.prototype, "items", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: null, nullable: true, type: String }),
    __metadata("design:type", Object)
], AuditLogPageDto.prototype, "nextCursor", void 0);
//# sourceMappingURL=tenancy.dto.js.map