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
exports.RemoveMember = exports.ChangeMemberRole = exports.ListMembers = exports.AddMember = void 0;
const common_1 = require("@nestjs/common");
const transactional_1 = require("@nestjs-cls/transactional");
const domain_error_1 = require("../../../shared/domain/domain-error");
const membership_repository_port_1 = require("../domain/membership.repository.port");
const organization_repository_port_1 = require("../domain/organization.repository.port");
const member_rules_1 = require("../domain/member-rules");
const audit_trail_1 = require("./audit-trail");
const membership_directory_1 = require("./membership-directory");
function assertMayManage(actor, targetRoles) {
    if (targetRoles.includes('owner') && actor.role !== 'owner') {
        throw new domain_error_1.ForbiddenError('Only an owner can grant, change or remove the owner role', 'owner_required');
    }
}
let AddMember = class AddMember {
    memberships;
    directory;
    audit;
    constructor(memberships, directory, audit) {
        this.memberships = memberships;
        this.directory = directory;
        this.audit = audit;
    }
    async execute(tenantId, actor, input) {
        assertMayManage(actor, [input.role]);
        const email = input.email.trim().toLowerCase();
        const userId = await this.memberships.findUserIdByEmail(email);
        if (!userId) {
            const created = await this.memberships.invite(tenantId, email, input.role, actor.kind === 'user' ? actor.id : null);
            if (!created)
                throw new domain_error_1.ConflictError('already_invited', `${email} already has a pending invitation`);
            await this.audit.record(tenantId, {
                action: 'member.invited',
                target: email,
                details: { role: input.role },
            });
            const invitation = (await this.memberships.listInvitations(tenantId)).find((i) => i.email === email);
            return { status: 'invited', invitation };
        }
        if (!(await this.memberships.add(tenantId, userId, input.role))) {
            throw new domain_error_1.ConflictError('already_member', `${email} is already a member of this organization`);
        }
        await this.directory.changed(userId);
        await this.audit.record(tenantId, {
            action: 'member.added',
            target: userId,
            details: { email, role: input.role },
        });
        return { status: 'added', member: (await this.memberships.find(tenantId, userId)) };
    }
};
exports.AddMember = AddMember;
exports.AddMember = AddMember = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [membership_repository_port_1.MembershipRepository,
        membership_directory_1.MembershipDirectory,
        audit_trail_1.AuditTrail])
], AddMember);
let ListMembers = class ListMembers {
    memberships;
    constructor(memberships) {
        this.memberships = memberships;
    }
    async execute(tenantId) {
        const [members, invitations] = await Promise.all([
            this.memberships.list(tenantId),
            this.memberships.listInvitations(tenantId),
        ]);
        return { members, invitations };
    }
};
exports.ListMembers = ListMembers;
exports.ListMembers = ListMembers = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [membership_repository_port_1.MembershipRepository])
], ListMembers);
let ChangeMemberRole = class ChangeMemberRole {
    organizations;
    memberships;
    directory;
    audit;
    constructor(organizations, memberships, directory, audit) {
        this.organizations = organizations;
        this.memberships = memberships;
        this.directory = directory;
        this.audit = audit;
    }
    async execute(tenantId, actor, userId, role) {
        const member = await this.apply(tenantId, actor, userId, role);
        await this.directory.changed(userId);
        return member;
    }
    async apply(tenantId, actor, userId, role) {
        await this.organizations.lock(tenantId);
        const member = await this.memberships.find(tenantId, userId);
        if (!member)
            throw new domain_error_1.NotFoundError('Member', userId);
        if (member.role === role)
            return member;
        assertMayManage(actor, [member.role, role]);
        (0, member_rules_1.assertOwnerRemains)(member.role, role, await this.memberships.countOwners(tenantId));
        await this.memberships.changeRole(tenantId, userId, role);
        await this.audit.record(tenantId, {
            action: 'member.role_changed',
            target: userId,
            details: { from: member.role, to: role },
        });
        return { ...member, role };
    }
};
exports.ChangeMemberRole = ChangeMemberRole;
__decorate([
    (0, transactional_1.Transactional)(),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, Object, String, String]),
    __metadata("design:returntype", Promise)
], ChangeMemberRole.prototype, "apply", null);
exports.ChangeMemberRole = ChangeMemberRole = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [organization_repository_port_1.OrganizationRepository,
        membership_repository_port_1.MembershipRepository,
        membership_directory_1.MembershipDirectory,
        audit_trail_1.AuditTrail])
], ChangeMemberRole);
let RemoveMember = class RemoveMember {
    organizations;
    memberships;
    directory;
    audit;
    constructor(organizations, memberships, directory, audit) {
        this.organizations = organizations;
        this.memberships = memberships;
        this.directory = directory;
        this.audit = audit;
    }
    async execute(tenantId, actor, userId) {
        await this.apply(tenantId, actor, userId);
        await this.directory.changed(userId);
    }
    async apply(tenantId, actor, userId) {
        await this.organizations.lock(tenantId);
        const member = await this.memberships.find(tenantId, userId);
        if (!member)
            throw new domain_error_1.NotFoundError('Member', userId);
        assertMayManage(actor, [member.role]);
        (0, member_rules_1.assertOwnerRemains)(member.role, null, await this.memberships.countOwners(tenantId));
        await this.memberships.remove(tenantId, userId);
        await this.audit.record(tenantId, {
            action: 'member.removed',
            target: userId,
            details: { email: member.email, role: member.role },
        });
    }
};
exports.RemoveMember = RemoveMember;
__decorate([
    (0, transactional_1.Transactional)(),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, Object, String]),
    __metadata("design:returntype", Promise)
], RemoveMember.prototype, "apply", null);
exports.RemoveMember = RemoveMember = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [organization_repository_port_1.OrganizationRepository,
        membership_repository_port_1.MembershipRepository,
        membership_directory_1.MembershipDirectory,
        audit_trail_1.AuditTrail])
], RemoveMember);
//# sourceMappingURL=members.use-cases.js.map