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
exports.UpdateOrganization = exports.GetOrganization = exports.ListMyOrganizations = void 0;
const common_1 = require("@nestjs/common");
const domain_error_1 = require("../../../shared/domain/domain-error");
const organization_repository_port_1 = require("../domain/organization.repository.port");
const audit_trail_1 = require("./audit-trail");
let ListMyOrganizations = class ListMyOrganizations {
    organizations;
    constructor(organizations) {
        this.organizations = organizations;
    }
    execute(userId) {
        return this.organizations.findForUser(userId);
    }
};
exports.ListMyOrganizations = ListMyOrganizations;
exports.ListMyOrganizations = ListMyOrganizations = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [organization_repository_port_1.OrganizationRepository])
], ListMyOrganizations);
let GetOrganization = class GetOrganization {
    organizations;
    constructor(organizations) {
        this.organizations = organizations;
    }
    async execute(tenantId) {
        const org = await this.organizations.findById(tenantId);
        if (!org)
            throw new domain_error_1.NotFoundError('Organization', tenantId);
        return org;
    }
};
exports.GetOrganization = GetOrganization;
exports.GetOrganization = GetOrganization = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [organization_repository_port_1.OrganizationRepository])
], GetOrganization);
let UpdateOrganization = class UpdateOrganization {
    organizations;
    audit;
    constructor(organizations, audit) {
        this.organizations = organizations;
        this.audit = audit;
    }
    async execute(tenantId, patch) {
        const org = await this.organizations.findById(tenantId);
        if (!org)
            throw new domain_error_1.NotFoundError('Organization', tenantId);
        if (patch.name !== undefined && patch.name.trim() !== org.name) {
            await this.organizations.rename(tenantId, patch.name.trim());
            await this.audit.record(tenantId, {
                action: 'organization.updated',
                target: tenantId,
                details: { name: patch.name.trim() },
            });
            org.name = patch.name.trim();
        }
        return org;
    }
};
exports.UpdateOrganization = UpdateOrganization;
exports.UpdateOrganization = UpdateOrganization = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [organization_repository_port_1.OrganizationRepository,
        audit_trail_1.AuditTrail])
], UpdateOrganization);
//# sourceMappingURL=organizations.use-cases.js.map