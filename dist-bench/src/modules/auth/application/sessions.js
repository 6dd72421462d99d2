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
exports.Sessions = void 0;
const common_1 = require("@nestjs/common");
const node_crypto_1 = require("node:crypto");
const app_config_1 = require("../../../config/app-config");
const clock_port_1 = require("../../../shared/domain/clock.port");
const domain_error_1 = require("../../../shared/domain/domain-error");
const ids_1 = require("../../../shared/domain/ids");
const audit_trail_1 = require("../../tenancy/application/audit-trail");
const membership_directory_1 = require("../../tenancy/application/membership-directory");
const auth_ports_1 = require("../domain/auth.ports");
const token_service_1 = require("./token-service");
const hashRefreshToken = (token) => (0, node_crypto_1.createHash)('sha256').update(token).digest();
let Sessions = class Sessions {
    tokens;
    refreshTokens;
    directory;
    audit;
    config;
    clock;
    constructor(tokens, refreshTokens, directory, audit, config, clock) {
        this.tokens = tokens;
        this.refreshTokens = refreshTokens;
        this.directory = directory;
        this.audit = audit;
        this.config = config;
        this.clock = clock;
    }
    async start(userId) {
        const familyId = (0, ids_1.newId)();
        await this.refreshTokens.createFamily(familyId, userId);
        return this.issue(familyId, userId);
    }
    async refresh(refreshToken) {
        const result = await this.refreshTokens.consume(hashRefreshToken(refreshToken), this.clock.now());
        if (result.outcome === 'rotated')
            return this.issue(result.familyId, result.userId);
        if (result.outcome === 'reused') {
            await this.refreshTokens.revokeFamily(result.familyId, 'reuse_detected');
            const tenants = (await this.directory.forUser(result.userId)).map((m) => m.tenantId);
            await this.audit.record(tenants, {
                action: 'auth.refresh_reuse_detected',
                target: result.userId,
                details: { sessionId: result.familyId },
                actor: { kind: 'user', id: result.userId },
            });
        }
        throw new domain_error_1.UnauthenticatedError('The refresh token is invalid, expired or revoked', 'invalid_refresh_token');
    }
    async end(session) {
        let familyId = session.familyId;
        if (session.refreshToken) {
            const found = await this.refreshTokens.familyOf(hashRefreshToken(session.refreshToken));
            if (found?.userId === session.userId)
                familyId = found.familyId;
        }
        if (familyId)
            await this.refreshTokens.revokeFamily(familyId, 'logout');
    }
    async issue(familyId, userId) {
        const refreshToken = `rt_${(0, node_crypto_1.randomBytes)(32).toString('base64url')}`;
        await this.refreshTokens.insert({
            id: (0, ids_1.newId)(),
            familyId,
            tokenHash: hashRefreshToken(refreshToken),
            expiresAt: new Date(this.clock.now().getTime() + this.config.auth.refreshTokenTtlSeconds * 1000),
        });
        const accessToken = await this.tokens.sign(userId, { typ: 'user', sid: familyId });
        return { accessToken, refreshToken, tokenType: 'Bearer', expiresIn: this.tokens.accessTtlSeconds };
    }
};
exports.Sessions = Sessions;
exports.Sessions = Sessions = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [token_service_1.TokenService,
        auth_ports_1.RefreshTokenRepository,
        membership_directory_1.MembershipDirectory,
        audit_trail_1.AuditTrail,
        app_config_1.AppConfig,
        clock_port_1.Clock])
], Sessions);
//# sourceMappingURL=sessions.js.map