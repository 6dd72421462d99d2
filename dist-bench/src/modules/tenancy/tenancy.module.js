"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.TenancyModule = void 0;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("@nestjs/typeorm");
const organization_repository_port_1 = require("./domain/organization.repository.port");
const membership_repository_port_1 = require("./domain/membership.repository.port");
const audit_log_repository_port_1 = require("./domain/audit-log.repository.port");
const invalidation_bus_port_1 = require("./domain/invalidation-bus.port");
const audit_trail_1 = require("./application/audit-trail");
const membership_directory_1 = require("./application/membership-directory");
const create_organization_use_case_1 = require("./application/create-organization.use-case");
const organizations_use_cases_1 = require("./application/organizations.use-cases");
const members_use_cases_1 = require("./application/members.use-cases");
const list_audit_logs_use_case_1 = require("./application/list-audit-logs.use-case");
const tenancy_orm_entities_1 = require("./adapters/tenancy.orm-entities");
const typeorm_tenancy_repositories_1 = require("./adapters/typeorm-tenancy.repositories");
const redis_invalidation_bus_1 = require("./adapters/redis-invalidation-bus");
const organizations_controller_1 = require("./adapters/organizations.controller");
const audit_logs_controller_1 = require("./adapters/audit-logs.controller");
let TenancyModule = class TenancyModule {
};
exports.TenancyModule = TenancyModule;
exports.TenancyModule = TenancyModule = __decorate([
    (0, common_1.Module)({
        imports: [typeorm_1.TypeOrmModule.forFeature([tenancy_orm_entities_1.OrganizationRow, tenancy_orm_entities_1.MembershipRow, tenancy_orm_entities_1.InvitationRow, tenancy_orm_entities_1.AuditLogRow])],
        controllers: [organizations_controller_1.OrganizationsController, audit_logs_controller_1.AuditLogsController],
        providers: [
            { provide: organization_repository_port_1.OrganizationRepository, useClass: typeorm_tenancy_repositories_1.TypeOrmOrganizationRepository },
            { provide: membership_repository_port_1.MembershipRepository, useClass: typeorm_tenancy_repositories_1.TypeOrmMembershipRepository },
            { provide: audit_log_repository_port_1.AuditLogRepository, useClass: typeorm_tenancy_repositories_1.TypeOrmAuditLogRepository },
            { provide: invalidation_bus_port_1.InvalidationBus, useClass: redis_invalidation_bus_1.RedisInvalidationBus },
            audit_trail_1.AuditTrail,
            membership_directory_1.MembershipDirectory,
            create_organization_use_case_1.CreateOrganization,
            organizations_use_cases_1.ListMyOrganizations,
            organizations_use_cases_1.GetOrganization,
            organizations_use_cases_1.UpdateOrganization,
            members_use_cases_1.AddMember,
            members_use_cases_1.ListMembers,
            members_use_cases_1.ChangeMemberRole,
            members_use_cases_1.RemoveMember,
            list_audit_logs_use_case_1.ListAuditLogs,
        ],
        exports: [
            audit_trail_1.AuditTrail,
            membership_directory_1.MembershipDirectory,
            membership_repository_port_1.MembershipRepository,
            organization_repository_port_1.OrganizationRepository,
            create_organization_use_case_1.CreateOrganization,
            organizations_use_cases_1.GetOrganization,
            invalidation_bus_port_1.InvalidationBus,
        ],
    })
], TenancyModule);
//# sourceMappingURL=tenancy.module.js.map