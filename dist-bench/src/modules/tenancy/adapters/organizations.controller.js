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
var __param = (this && this.__param) || function (paramIndex, decorator) {
    return function (target, key) { decorator(target, key, paramIndex); }
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.OrganizationsController = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const auth_decorators_1 = require("../../../shared/http/auth.decorators");
const domain_error_1 = require("../../../shared/domain/domain-error");
const create_organization_use_case_1 = require("../application/create-organization.use-case");
const organizations_use_cases_1 = require("../application/organizations.use-cases");
const members_use_cases_1 = require("../application/members.use-cases");
const tenancy_dto_1 = require("./tenancy.dto");
const userOnly = (p) => {
    if (p.kind !== 'user')
        throw new domain_error_1.ForbiddenError('Only users belong to organizations', 'user_required');
    return p.id;
};
let OrganizationsController = class OrganizationsController {
    createOrganization;
    listMine;
    getOrganization;
    updateOrganization;
    addMember;
    listMembers;
    changeRole;
    removeMember;
    constructor(createOrganization, listMine, getOrganization, updateOrganization, addMember, listMembers, changeRole, removeMember) {
        this.createOrganization = createOrganization;
        this.listMine = listMine;
        this.getOrganization = getOrganization;
        this.updateOrganization = updateOrganization;
        this.addMember = addMember;
        this.listMembers = listMembers;
        this.changeRole = changeRole;
        this.removeMember = removeMember;
    }
    async create(principal, body) {
        const org = await this.createOrganization.execute(userOnly(principal), body.name);
        return { ...org, role: 'owner' };
    }
    async list(principal) {
        if (principal.kind !== 'user') {
            if (!principal.tenantId)
                return { items: [] };
            return { items: [await this.getOrganization.execute(principal.tenantId)] };
        }
        return { items: await this.listMine.execute(principal.id) };
    }
    async get(tenantId, principal) {
        return { ...(await this.getOrganization.execute(tenantId)), role: principal.role };
    }
    update(tenantId, body) {
        return this.updateOrganization.execute(tenantId, body);
    }
    members(tenantId) {
        return this.listMembers.execute(tenantId);
    }
    add(tenantId, principal, body) {
        return this.addMember.execute(tenantId, principal, body);
    }
    setRole(tenantId, principal, userId, body) {
        return this.changeRole.execute(tenantId, principal, userId, body.role);
    }
    async remove(tenantId, principal, userId) {
        await this.removeMember.execute(tenantId, principal, userId);
    }
};
exports.OrganizationsController = OrganizationsController;
__decorate([
    (0, common_1.Post)(),
    (0, swagger_1.ApiOperation)({ summary: 'Create an organization; the caller becomes its owner' }),
    (0, swagger_1.ApiCreatedResponse)({ type: tenancy_dto_1.OrganizationDto }),
    __param(0, (0, auth_decorators_1.CurrentPrincipal)()),
    __param(1, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, tenancy_dto_1.CreateOrganizationDto]),
    __metadata("design:returntype", Promise)
], OrganizationsController.prototype, "create", null);
__decorate([
    (0, common_1.Get)(),
    (0, swagger_1.ApiOperation)({ summary: "List the caller's organizations with the caller's role in each" }),
    (0, swagger_1.ApiOkResponse)({ type: tenancy_dto_1.OrganizationListDto }),
    __param(0, (0, auth_decorators_1.CurrentPrincipal)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object]),
    __metadata("design:returntype", Promise)
], OrganizationsController.prototype, "list", null);
__decorate([
    (0, common_1.Get)(':id'),
    (0, auth_decorators_1.TenantFromParam)('id'),
    (0, auth_decorators_1.Scopes)('org:read'),
    (0, swagger_1.ApiOperation)({ summary: 'Get an organization' }),
    (0, swagger_1.ApiOkResponse)({ type: tenancy_dto_1.OrganizationDto }),
    __param(0, (0, auth_decorators_1.CurrentTenant)()),
    __param(1, (0, auth_decorators_1.CurrentPrincipal)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, Object]),
    __metadata("design:returntype", Promise)
], OrganizationsController.prototype, "get", null);
__decorate([
    (0, common_1.Patch)(':id'),
    (0, auth_decorators_1.TenantFromParam)('id'),
    (0, auth_decorators_1.Scopes)('org:manage'),
    (0, swagger_1.ApiOperation)({ summary: 'Update an organization' }),
    (0, swagger_1.ApiOkResponse)({ type: tenancy_dto_1.OrganizationDto }),
    __param(0, (0, auth_decorators_1.CurrentTenant)()),
    __param(1, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, tenancy_dto_1.UpdateOrganizationDto]),
    __metadata("design:returntype", Promise)
], OrganizationsController.prototype, "update", null);
__decorate([
    (0, common_1.Get)(':id/members'),
    (0, auth_decorators_1.TenantFromParam)('id'),
    (0, auth_decorators_1.Scopes)('members:read'),
    (0, swagger_1.ApiOperation)({ summary: 'List members and pending invitations' }),
    (0, swagger_1.ApiOkResponse)({ type: tenancy_dto_1.MemberListDto }),
    __param(0, (0, auth_decorators_1.CurrentTenant)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String]),
    __metadata("design:returntype", Promise)
], OrganizationsController.prototype, "members", null);
__decorate([
    (0, common_1.Post)(':id/members'),
    (0, auth_decorators_1.TenantFromParam)('id'),
    (0, auth_decorators_1.Scopes)('members:manage'),
    (0, swagger_1.ApiOperation)({ summary: 'Add a user by email (or invite the email if it has no account yet)' }),
    (0, swagger_1.ApiCreatedResponse)({ type: tenancy_dto_1.AddMemberResultDto }),
    __param(0, (0, auth_decorators_1.CurrentTenant)()),
    __param(1, (0, auth_decorators_1.CurrentPrincipal)()),
    __param(2, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, Object, tenancy_dto_1.AddMemberDto]),
    __metadata("design:returntype", Promise)
], OrganizationsController.prototype, "add", null);
__decorate([
    (0, common_1.Patch)(':id/members/:userId'),
    (0, auth_decorators_1.TenantFromParam)('id'),
    (0, auth_decorators_1.Scopes)('members:manage'),
    (0, swagger_1.ApiOperation)({ summary: "Change a member's role (the last owner cannot be demoted)" }),
    (0, swagger_1.ApiOkResponse)({ type: tenancy_dto_1.MemberDto }),
    __param(0, (0, auth_decorators_1.CurrentTenant)()),
    __param(1, (0, auth_decorators_1.CurrentPrincipal)()),
    __param(2, (0, common_1.Param)('userId', new common_1.ParseUUIDPipe())),
    __param(3, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, Object, String, tenancy_dto_1.ChangeRoleDto]),
    __metadata("design:returntype", Promise)
], OrganizationsController.prototype, "setRole", null);
__decorate([
    (0, common_1.Delete)(':id/members/:userId'),
    (0, common_1.HttpCode)(204),
    (0, auth_decorators_1.TenantFromParam)('id'),
    (0, auth_decorators_1.Scopes)('members:manage'),
    (0, swagger_1.ApiOperation)({ summary: 'Remove a member (the last owner cannot be removed)' }),
    (0, swagger_1.ApiNoContentResponse)({ description: 'Removed' }),
    __param(0, (0, auth_decorators_1.CurrentTenant)()),
    __param(1, (0, auth_decorators_1.CurrentPrincipal)()),
    __param(2, (0, common_1.Param)('userId', new common_1.ParseUUIDPipe())),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, Object, String]),
    __metadata("design:returntype", Promise)
], OrganizationsController.prototype, "remove", null);
exports.OrganizationsController = OrganizationsController = __decorate([
    (0, swagger_1.ApiTags)('organizations'),
    (0, common_1.Controller)('api/v1/organizations'),
    __metadata("design:paramtypes", [create_organization_use_case_1.CreateOrganization,
        organizations_use_cases_1.ListMyOrganizations,
        organizations_use_cases_1.GetOrganization,
        organizations_use_cases_1.UpdateOrganization,
        members_use_cases_1.AddMember,
        members_use_cases_1.ListMembers,
        members_use_cases_1.ChangeMemberRole,
        members_use_cases_1.RemoveMember])
], OrganizationsController);
//# sourceMappingURL=organizations.controller.js.map