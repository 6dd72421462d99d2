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
exports.ApiKeyAuthenticator = exports.RevokeApiKey = exports.ListApiKeys = exports.CreateApiKey = exports.hashApiKeySecret = void 0;
exports.scopesOf = scopesOf;
const common_1 = require("@nestjs/common");
const node_crypto_1 = require("node:crypto");
const app_config_1 = require("../../../config/app-config");
const permissions_1 = require("../../../shared/context/permissions");
const clock_port_1 = require("../../../shared/domain/clock.port");
const domain_error_1 = require("../../../shared/domain/domain-error");
const ids_1 = require("../../../shared/domain/ids");
const audit_trail_1 = require("../../tenancy/application/audit-trail");
const lru_cache_1 = require("lru-cache");
const invalidation_bus_port_1 = require("../../tenancy/domain/invalidation-bus.port");
const api_key_token_1 = require("../domain/api-key-token");
const auth_ports_1 = require("../domain/auth.ports");
const TOPIC = 'api-key';
const TOUCH_INTERVAL_MS = 60_000;
const view = ({ secretHash: _h, tenantId: _t, ...rest }) => rest;
const hashApiKeySecret = (pepper, secret) => (0, node_crypto_1.createHmac)('sha256', pepper).update(secret).digest();
exports.hashApiKeySecret = hashApiKeySecret;
function scopesOf(principal) {
    return principal.kind === 'user' ? (principal.role ? permissions_1.ROLE_SCOPES[principal.role] : []) : principal.scopes;
}
let CreateApiKey = class CreateApiKey {
    repo;
    audit;
    config;
    clock;
    constructor(repo, audit, config, clock) {
        this.repo = repo;
        this.audit = audit;
        this.config = config;
        this.clock = clock;
    }
    async execute(tenantId, creator, input) {
        if (creator) {
            const held = scopesOf(creator);
            const missing = input.scopes.filter((s) => !held.includes(s));
            if (missing.length)
                throw new domain_error_1.ForbiddenError(`You cannot grant scopes you do not hold: ${missing.join(', ')}`);
        }
        if (input.expiresAt && input.expiresAt.getTime() <= this.clock.now().getTime()) {
            throw new domain_error_1.InvalidError('invalid_expiry', 'expiresAt must be in the future', [
                { field: 'expiresAt', message: 'must be in the future' },
            ]);
        }
        const { key, prefix, secret } = (0, api_key_token_1.generateApiKey)();
        const stored = {
            id: (0, ids_1.newId)(),
            tenantId,
            name: input.name.trim(),
            prefix,
            secretHash: (0, exports.hashApiKeySecret)(this.config.auth.apiKeyPepper, secret),
            scopes: [...new Set(input.scopes)],
            createdBy: creator ? `${creator.kind}:${creator.id}` : 'cli',
            expiresAt: input.expiresAt ?? null,
        };
        await this.repo.insert(stored);
        await this.audit.record(tenantId, {
            action: 'api_key.created',
            target: stored.id,
            details: { name: stored.name, prefix, scopes: stored.scopes },
            ...(creator ? {} : { actor: { kind: 'cli', id: 'cli' } }),
        });
        return { ...stored, lastUsedAt: null, revokedAt: null, createdAt: this.clock.now(), key };
    }
};
exports.CreateApiKey = CreateApiKey;
exports.CreateApiKey = CreateApiKey = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [auth_ports_1.ApiKeyRepository,
        audit_trail_1.AuditTrail,
        app_config_1.AppConfig,
        clock_port_1.Clock])
], CreateApiKey);
let ListApiKeys = class ListApiKeys {
    repo;
    constructor(repo) {
        this.repo = repo;
    }
    async execute(tenantId) {
        return (await this.repo.list(tenantId)).map(view);
    }
};
exports.ListApiKeys = ListApiKeys;
exports.ListApiKeys = ListApiKeys = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [auth_ports_1.ApiKeyRepository])
], ListApiKeys);
let RevokeApiKey = class RevokeApiKey {
    repo;
    bus;
    audit;
    clock;
    constructor(repo, bus, audit, clock) {
        this.repo = repo;
        this.bus = bus;
        this.audit = audit;
        this.clock = clock;
    }
    async execute(tenantId, id) {
        const prefix = await this.repo.revoke(tenantId, id, this.clock.now());
        if (!prefix)
            throw new domain_error_1.NotFoundError('API key', id);
        await this.bus.publish(TOPIC, prefix);
        await this.audit.record(tenantId, { action: 'api_key.revoked', target: id, details: { prefix } });
    }
};
exports.RevokeApiKey = RevokeApiKey;
exports.RevokeApiKey = RevokeApiKey = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [auth_ports_1.ApiKeyRepository,
        invalidation_bus_port_1.InvalidationBus,
        audit_trail_1.AuditTrail,
        clock_port_1.Clock])
], RevokeApiKey);
let ApiKeyAuthenticator = class ApiKeyAuthenticator {
    repo;
    bus;
    config;
    clock;
    cache;
    touched = new Map();
    pendingTouches = new Set();
    constructor(repo, bus, config, clock) {
        this.repo = repo;
        this.bus = bus;
        this.config = config;
        this.clock = clock;
        this.cache = new lru_cache_1.LRUCache({ max: 10_000, ttl: config.auth.cacheTtlMs || 1 });
    }
    onModuleInit() {
        this.bus.subscribe(TOPIC, (prefix) => this.cache.delete(prefix));
    }
    async onModuleDestroy() {
        await Promise.all(this.pendingTouches);
    }
    async authenticate(raw) {
        const parts = (0, api_key_token_1.parseApiKey)(raw);
        if (!parts)
            throw invalidKey();
        let key = this.cache.get(parts.prefix);
        if (!key) {
            const found = await this.repo.findByPrefix(parts.prefix);
            if (!found)
                throw invalidKey();
            key = found;
            this.cache.set(parts.prefix, key);
        }
        const given = (0, exports.hashApiKeySecret)(this.config.auth.apiKeyPepper, parts.secret);
        if (!(0, node_crypto_1.timingSafeEqual)(given, key.secretHash))
            throw invalidKey();
        const now = this.clock.now();
        if (key.revokedAt)
            throw new domain_error_1.UnauthenticatedError('This API key was revoked', 'api_key_revoked');
        if (key.expiresAt && key.expiresAt.getTime() <= now.getTime()) {
            throw new domain_error_1.UnauthenticatedError('This API key has expired', 'api_key_expired');
        }
        this.touch(key.id, now);
        return key;
    }
    touch(id, now) {
        const last = this.touched.get(id) ?? 0;
        if (Date.now() - last < TOUCH_INTERVAL_MS)
            return;
        this.touched.set(id, Date.now());
        if (this.touched.size > 10_000)
            this.touched.clear();
        const write = this.repo.touch(id, now).catch(() => undefined);
        this.pendingTouches.add(write);
        void write.finally(() => this.pendingTouches.delete(write));
    }
};
exports.ApiKeyAuthenticator = ApiKeyAuthenticator;
exports.ApiKeyAuthenticator = ApiKeyAuthenticator = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [auth_ports_1.ApiKeyRepository,
        invalidation_bus_port_1.InvalidationBus,
        app_config_1.AppConfig,
        clock_port_1.Clock])
], ApiKeyAuthenticator);
const invalidKey = () => new domain_error_1.UnauthenticatedError('The API key is not valid', 'invalid_api_key');
//# sourceMappingURL=api-keys.use-cases.js.map