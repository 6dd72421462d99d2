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
exports.AuditLogRow = exports.InvitationRow = exports.MembershipRow = exports.OrganizationRow = void 0;
const typeorm_1 = require("typeorm");
let OrganizationRow = class OrganizationRow {
    id;
    name;
    createdAt;
    updatedAt;
};
exports.OrganizationRow = OrganizationRow;
__decorate([
    (0, typeorm_1.PrimaryColumn)('uuid'),
    __metadata("design:type", String)
], OrganizationRow.prototype, "id", void 0);
__decorate([
    (0, typeorm_1.Column)('text'),
    __metadata("design:type", String)
], OrganizationRow.prototype, "name", void 0);
__decorate([
    (0, typeorm_1.CreateDateColumn)({ type: 'timestamptz' }),
    __metadata("design:type", Date)
], OrganizationRow.prototype, "createdAt", void 0);
__decorate([
    (0, typeorm_1.UpdateDateColumn)({ type: 'timestamptz' }),
    __metadata("design:type", Date)
], OrganizationRow.prototype, "updatedAt", void 0);
exports.OrganizationRow = OrganizationRow = __decorate([
    (0, typeorm_1.Entity)('organizations')
], OrganizationRow);
let MembershipRow = class MembershipRow {
    id;
    tenantId;
    userId;
    role;
    createdAt;
    updatedAt;
};
exports.MembershipRow = MembershipRow;
__decorate([
    (0, typeorm_1.PrimaryColumn)('uuid'),
    __metadata("design:type", String)
], MembershipRow.prototype, "id", void 0);
__decorate([
    (0, typeorm_1.Column)('uuid'),
    __metadata("design:type", String)
], MembershipRow.prototype, "tenantId", void 0);
__decorate([
    (0, typeorm_1.Column)('uuid'),
    __metadata("design:type", String)
], MembershipRow.prototype, "userId", void 0);
__decorate([
    (0, typeorm_1.Column)('text'),
    __metadata("design:type", String)
], MembershipRow.prototype, "role", void 0);
__decorate([
    (0, typeorm_1.CreateDateColumn)({ type: 'timestamptz' }),
    __metadata("design:type", Date)
], MembershipRow.prototype, "createdAt", void 0);
__decorate([
    (0, typeorm_1.UpdateDateColumn)({ type: 'timestamptz' }),
    __metadata("design:type", Date)
], MembershipRow.prototype, "updatedAt", void 0);
exports.MembershipRow = MembershipRow = __decorate([
    (0, typeorm_1.Entity)('memberships')
], MembershipRow);
let InvitationRow = class InvitationRow {
    id;
    tenantId;
    email;
    role;
    invitedBy;
    acceptedAt;
    createdAt;
    updatedAt;
};
exports.InvitationRow = InvitationRow;
__decorate([
    (0, typeorm_1.PrimaryColumn)('uuid'),
    __metadata("design:type", String)
], InvitationRow.prototype, "id", void 0);
__decorate([
    (0, typeorm_1.Column)('uuid'),
    __metadata("design:type", String)
], InvitationRow.prototype, "tenantId", void 0);
__decorate([
    (0, typeorm_1.Column)('text'),
    __metadata("design:type", String)
], InvitationRow.prototype, "email", void 0);
__decorate([
    (0, typeorm_1.Column)('text'),
    __metadata("design:type", String)
], InvitationRow.prototype, "role", void 0);
__decorate([
    (0, typeorm_1.Column)('uuid', { nullable: true }),
    __metadata("design:type", Object)
], InvitationRow.prototype, "invitedBy", void 0);
__decorate([
    (0, typeorm_1.Column)('timestamptz', { nullable: true }),
    __metadata("design:type", Object)
], InvitationRow.prototype, "acceptedAt", void 0);
__decorate([
    (0, typeorm_1.CreateDateColumn)({ type: 'timestamptz' }),
    __metadata("design:type", Date)
], InvitationRow.prototype, "createdAt", void 0);
__decorate([
    (0, typeorm_1.UpdateDateColumn)({ type: 'timestamptz' }),
    __metadata("design:type", Date)
], InvitationRow.prototype, "updatedAt", void 0);
exports.InvitationRow = InvitationRow = __decorate([
    (0, typeorm_1.Entity)('invitations')
], InvitationRow);
let AuditLogRow = class AuditLogRow {
    id;
    tenantId;
    action;
    actorKind;
    actorId;
    target;
    ip;
    requestId;
    details;
    createdAt;
    updatedAt;
};
exports.AuditLogRow = AuditLogRow;
__decorate([
    (0, typeorm_1.PrimaryColumn)('uuid'),
    __metadata("design:type", String)
], AuditLogRow.prototype, "id", void 0);
__decorate([
    (0, typeorm_1.Column)('uuid'),
    __metadata("design:type", String)
], AuditLogRow.prototype, "tenantId", void 0);
__decorate([
    (0, typeorm_1.Column)('text'),
    __metadata("design:type", String)
], AuditLogRow.prototype, "action", void 0);
__decorate([
    (0, typeorm_1.Column)('text', { nullable: true }),
    __metadata("design:type", Object)
], AuditLogRow.prototype, "actorKind", void 0);
__decorate([
    (0, typeorm_1.Column)('text', { nullable: true }),
    __metadata("design:type", Object)
], AuditLogRow.prototype, "actorId", void 0);
__decorate([
    (0, typeorm_1.Column)('text', { nullable: true }),
    __metadata("design:type", Object)
], AuditLogRow.prototype, "target", void 0);
__decorate([
    (0, typeorm_1.Column)('text', { nullable: true }),
    __metadata("design:type", Object)
], AuditLogRow.prototype, "ip", void 0);
__decorate([
    (0, typeorm_1.Column)('text', { nullable: true }),
    __metadata("design:type", Object)
], AuditLogRow.prototype, "requestId", void 0);
__decorate([
    (0, typeorm_1.Column)('jsonb'),
    __metadata("design:type", Object)
], AuditLogRow.prototype, "details", void 0);
__decorate([
    (0, typeorm_1.Column)('timestamptz'),
    __metadata("design:type", Date)
], AuditLogRow.prototype, "createdAt", void 0);
__decorate([
    (0, typeorm_1.UpdateDateColumn)({ type: 'timestamptz' }),
    __metadata("design:type", Date)
], AuditLogRow.prototype, "updatedAt", void 0);
exports.AuditLogRow = AuditLogRow = __decorate([
    (0, typeorm_1.Entity)('audit_logs')
], AuditLogRow);
//# sourceMappingURL=tenancy.orm-entities.js.map