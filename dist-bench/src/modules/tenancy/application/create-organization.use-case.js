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
exports.CreateOrganization = void 0;
const common_1 = require("@nestjs/common");
const transactional_1 = require("@nestjs-cls/transactional");
const ids_1 = require("../../../shared/domain/ids");
const tenant_id_1 = require("../../../shared/domain/tenant-id");
const organization_repository_port_1 = require("../domain/organization.repository.port");
const membership_repository_port_1 = require("../domain/membership.repository.port");
const audit_trail_1 = require("./audit-trail");
const membership_directory_1 = require("./membership-directory");
const clock_port_1 = require("../../../shared/domain/clock.port");
let CreateOrganization = class CreateOrganization {
    organizations;
    memberships;
    directory;
    audit;
    clock;
    constructor(organizations, memberships, directory, audit, clock) {
        this.organizations = organizations;
        this.memberships = memberships;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
    }
    async execute(ownerUserId, name) {
        const org = await this.create(ownerUserId, name);
        await this.directory.changed(ownerUserId);
        return org;
    }
    async create(ownerUserId, name) {
        const org = { id: (0, tenant_id_1.asTenantId)((0, ids_1.newId)()), name: name.trim(), createdAt: this.clock.now() };
        await this.organizations.create(org);
        await this.memberships.add(org.id, ownerUserId, 'owner');
        await this.audit.record(org.id, {
            action: 'organization.created',
            target: org.id,
            details: { name: org.name },
            actor: { kind: 'user', id: ownerUserId },
        });
        return org;
    }
};
exports.CreateOrganization = CreateOrganization;
__decorate([
    (0, transactional_1.Transactional)(),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, String]),
    __metadata("design:returntype", Promise)
], CreateOrganization.prototype, "create", null);
exports.CreateOrganization = CreateOrganization = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [organization_repository_port_1.OrganizationRepository,
        membership_repository_port_1.MembershipRepository,
        membership_directory_1.MembershipDirectory,
        audit_trail_1.AuditTrail,
        clock_port_1.Clock])
], CreateOrganization);
//# sourceMappingURL=create-organization.use-case.js.map