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
exports.GetMe = exports.LogOut = exports.RefreshSession = exports.LogIn = exports.RegisterUser = void 0;
const common_1 = require("@nestjs/common");
const transactional_1 = require("@nestjs-cls/transactional");
const domain_error_1 = require("../../../shared/domain/domain-error");
const ids_1 = require("../../../shared/domain/ids");
const organization_repository_port_1 = require("../../tenancy/domain/organization.repository.port");
const membership_repository_port_1 = require("../../tenancy/domain/membership.repository.port");
const create_organization_use_case_1 = require("../../tenancy/application/create-organization.use-case");
const membership_directory_1 = require("../../tenancy/application/membership-directory");
const audit_trail_1 = require("../../tenancy/application/audit-trail");
const password_policy_1 = require("../domain/password-policy");
const auth_ports_1 = require("../domain/auth.ports");
const password_hasher_1 = require("./password-hasher");
const sessions_1 = require("./sessions");
const publicUser = ({ passwordHash: _omit, ...user }) => user;
let RegisterUser = class RegisterUser {
    users;
    memberships;
    directory;
    createOrganization;
    hasher;
    sessions;
    constructor(users, memberships, directory, createOrganization, hasher, sessions) {
        this.users = users;
        this.memberships = memberships;
        this.directory = directory;
        this.createOrganization = createOrganization;
        this.hasher = hasher;
        this.sessions = sessions;
    }
    async execute(input) {
        const email = input.email.trim().toLowerCase();
        (0, password_policy_1.assertPasswordAllowed)(input.password, email);
        const user = {
            id: (0, ids_1.newId)(),
            email,
            name: input.name.trim(),
            passwordHash: await this.hasher.hash(input.password),
            createdAt: new Date(),
        };
        const result = await this.create(user, input.organizationName);
        if (result.joined)
            await this.directory.changed(user.id);
        return result.registered;
    }
    async create(user, organizationName) {
        if (!(await this.users.create(user))) {
            throw new domain_error_1.ConflictError('email_taken', 'An account with this email already exists');
        }
        const joined = (await this.memberships.acceptInvitations(user.id, user.email)).length > 0;
        const organization = organizationName
            ? await this.createOrganization.execute(user.id, organizationName)
            : null;
        const tokens = await this.sessions.start(user.id);
        const stored = (await this.users.findById(user.id)) ?? user;
        return { joined, registered: { ...tokens, user: publicUser(stored), organization } };
    }
};
exports.RegisterUser = RegisterUser;
__decorate([
    (0, transactional_1.Transactional)(),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Object]),
    __metadata("design:returntype", Promise)
], RegisterUser.prototype, "create", null);
exports.RegisterUser = RegisterUser = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [auth_ports_1.UserRepository,
        membership_repository_port_1.MembershipRepository,
        membership_directory_1.MembershipDirectory,
        create_organization_use_case_1.CreateOrganization,
        password_hasher_1.PasswordHasher,
        sessions_1.Sessions])
], RegisterUser);
let LogIn = class LogIn {
    users;
    hasher;
    throttle;
    sessions;
    directory;
    audit;
    constructor(users, hasher, throttle, sessions, directory, audit) {
        this.users = users;
        this.hasher = hasher;
        this.throttle = throttle;
        this.sessions = sessions;
        this.directory = directory;
        this.audit = audit;
    }
    async execute(input) {
        const email = input.email.trim().toLowerCase();
        await this.throttle.assertAllowed(email, input.ip);
        const user = await this.users.findByEmail(email);
        const ok = await this.hasher.verify(user?.passwordHash ?? null, input.password);
        const tenants = user ? (await this.directory.forUser(user.id)).map((m) => m.tenantId) : [];
        if (!user || !ok) {
            await this.throttle.recordFailure(email, input.ip);
            if (user) {
                await this.audit.record(tenants, {
                    action: 'auth.login_failed',
                    target: user.id,
                    actor: { kind: 'user', id: user.id },
                });
            }
            throw new domain_error_1.UnauthenticatedError('The email or password is wrong', 'invalid_credentials');
        }
        await this.throttle.reset(email);
        await this.audit.record(tenants, {
            action: 'auth.login_succeeded',
            target: user.id,
            actor: { kind: 'user', id: user.id },
        });
        return this.sessions.start(user.id);
    }
};
exports.LogIn = LogIn;
exports.LogIn = LogIn = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [auth_ports_1.UserRepository,
        password_hasher_1.PasswordHasher,
        auth_ports_1.LoginThrottle,
        sessions_1.Sessions,
        membership_directory_1.MembershipDirectory,
        audit_trail_1.AuditTrail])
], LogIn);
let RefreshSession = class RefreshSession {
    sessions;
    constructor(sessions) {
        this.sessions = sessions;
    }
    execute(refreshToken) {
        return this.sessions.refresh(refreshToken);
    }
};
exports.RefreshSession = RefreshSession;
exports.RefreshSession = RefreshSession = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [sessions_1.Sessions])
], RefreshSession);
let LogOut = class LogOut {
    sessions;
    constructor(sessions) {
        this.sessions = sessions;
    }
    async execute(principal, refreshToken) {
        if (principal.kind !== 'user')
            return;
        await this.sessions.end({ familyId: principal.sessionId, refreshToken, userId: principal.id });
    }
};
exports.LogOut = LogOut;
exports.LogOut = LogOut = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [sessions_1.Sessions])
], LogOut);
let GetMe = class GetMe {
    users;
    organizations;
    constructor(users, organizations) {
        this.users = users;
        this.organizations = organizations;
    }
    async execute(principal) {
        const base = {
            kind: principal.kind,
            id: principal.id,
            tenantId: principal.tenantId,
            role: principal.role ?? null,
            scopes: principal.scopes,
        };
        if (principal.kind !== 'user')
            return { ...base, user: null, organizations: [] };
        const user = await this.users.findById(principal.id);
        if (!user)
            throw new domain_error_1.NotFoundError('User', principal.id);
        return { ...base, user: publicUser(user), organizations: await this.organizations.findForUser(user.id) };
    }
};
exports.GetMe = GetMe;
exports.GetMe = GetMe = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [auth_ports_1.UserRepository,
        organization_repository_port_1.OrganizationRepository])
], GetMe);
//# sourceMappingURL=user-sessions.use-cases.js.map