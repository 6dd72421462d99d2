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
exports.TokenService = void 0;
const common_1 = require("@nestjs/common");
const node_crypto_1 = require("node:crypto");
const jose_1 = require("jose");
const app_config_1 = require("../../../config/app-config");
const clock_port_1 = require("../../../shared/domain/clock.port");
const domain_error_1 = require("../../../shared/domain/domain-error");
const lru_cache_1 = require("lru-cache");
const signing_keys_1 = require("./signing-keys");
let TokenService = class TokenService {
    keys;
    config;
    clock;
    verified;
    constructor(keys, config, clock) {
        this.keys = keys;
        this.config = config;
        this.clock = clock;
        this.verified = new lru_cache_1.LRUCache({
            max: 50_000,
            ttl: config.auth.cacheTtlMs || 1,
        });
    }
    get accessTtlSeconds() {
        return this.config.auth.accessTokenTtlSeconds;
    }
    async sign(subject, claims, ttlSeconds = this.accessTtlSeconds) {
        const { kid, key } = await this.keys.signer();
        const now = Math.floor(this.clock.now().getTime() / 1000);
        return new jose_1.SignJWT({ ...claims })
            .setProtectedHeader({ alg: 'EdDSA', kid, typ: 'JWT' })
            .setSubject(subject)
            .setIssuer(this.config.auth.issuer)
            .setAudience(this.config.auth.audience)
            .setIssuedAt(now)
            .setExpirationTime(now + ttlSeconds)
            .setJti((0, node_crypto_1.randomBytes)(9).toString('base64url'))
            .sign(key);
    }
    async verify(token) {
        const hit = this.verified.get(token);
        if (hit && hit.generation === this.keys.generation) {
            if (hit.claims.exp * 1000 > this.clock.now().getTime())
                return hit.claims;
            this.verified.delete(token);
        }
        const generation = this.keys.generation;
        const claims = await this.verifyFully(token);
        this.verified.set(token, { claims, generation });
        return claims;
    }
    async verifyFully(token) {
        try {
            const { payload } = await (0, jose_1.jwtVerify)(token, async (header) => {
                const key = await this.keys.verificationKey(header.kid);
                if (!key)
                    throw new Error('unknown kid');
                return key;
            }, {
                algorithms: ['EdDSA'],
                issuer: this.config.auth.issuer,
                audience: this.config.auth.audience,
                currentDate: this.clock.now(),
                requiredClaims: ['sub', 'exp', 'iat'],
            });
            if (payload.typ !== 'user' && payload.typ !== 'service')
                throw new Error('unknown token type');
            return payload;
        }
        catch {
            throw new domain_error_1.UnauthenticatedError('The access token is invalid or expired', 'invalid_token');
        }
    }
};
exports.TokenService = TokenService;
exports.TokenService = TokenService = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [signing_keys_1.SigningKeys,
        app_config_1.AppConfig,
        clock_port_1.Clock])
], TokenService);
//# sourceMappingURL=token-service.js.map