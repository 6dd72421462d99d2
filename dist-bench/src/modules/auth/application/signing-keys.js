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
exports.SigningKeys = void 0;
const common_1 = require("@nestjs/common");
const node_crypto_1 = require("node:crypto");
const jose_1 = require("jose");
const app_config_1 = require("../../../config/app-config");
const clock_port_1 = require("../../../shared/domain/clock.port");
const invalidation_bus_port_1 = require("../../tenancy/domain/invalidation-bus.port");
const auth_ports_1 = require("../domain/auth.ports");
const key_encryption_1 = require("./key-encryption");
const TOPIC = 'signing-keys';
const CLOCK_SKEW_SECONDS = 60;
const RELOAD_MIN_INTERVAL_MS = 1000;
let SigningKeys = class SigningKeys {
    repo;
    bus;
    config;
    clock;
    logger = new common_1.Logger('SigningKeys');
    verifiers = new Map();
    signing = null;
    published = [];
    lastReload = 0;
    generation = 0;
    reloading = null;
    constructor(repo, bus, config, clock) {
        this.repo = repo;
        this.bus = bus;
        this.config = config;
        this.clock = clock;
    }
    async onModuleInit() {
        this.bus.subscribe(TOPIC, () => void this.reload().catch((e) => this.logger.warn(e.message)));
        await this.repo.withLock(async () => {
            const keys = await this.repo.list();
            const now = this.clock.now();
            if (!keys.some((k) => k.status === 'active')) {
                const next = keys.find((k) => k.status === 'next');
                if (next)
                    await this.repo.setStatus(next.kid, 'active', now);
                else
                    await this.repo.insert(this.generate('active', now));
            }
            if (!keys.some((k) => k.status === 'next'))
                await this.repo.insert(this.generate('next', now));
        });
        await this.reload();
    }
    async signer() {
        if (!this.signing)
            await this.reload();
        if (!this.signing)
            throw new Error('No active signing key');
        return this.signing;
    }
    async verificationKey(kid) {
        if (!kid)
            return null;
        const hit = this.verifiers.get(kid);
        if (hit)
            return hit.key;
        if (Date.now() - this.lastReload >= RELOAD_MIN_INTERVAL_MS)
            await this.reload();
        return this.verifiers.get(kid)?.key ?? null;
    }
    jwks() {
        return this.published;
    }
    list() {
        return this.repo.list();
    }
    async rotate() {
        const result = await this.repo.withLock(async () => {
            const now = this.clock.now();
            const keys = await this.repo.list();
            const active = keys.find((k) => k.status === 'active');
            let next = keys.find((k) => k.status === 'next');
            if (!next) {
                const made = this.generate('next', now);
                await this.repo.insert(made);
                next = made;
            }
            if (active)
                await this.repo.setStatus(active.kid, 'retired', now);
            await this.repo.setStatus(next.kid, 'active', now);
            const fresh = this.generate('next', now);
            await this.repo.insert(fresh);
            const removed = await this.pruneLocked(now);
            return { activeKid: next.kid, retiredKid: active?.kid ?? null, nextKid: fresh.kid, removed };
        });
        this.logger.log(`Signing key rotated: active ${result.activeKid}, retired ${result.retiredKid ?? '-'}`);
        await this.changed();
        return result;
    }
    async prune() {
        const removed = await this.repo.withLock(() => this.pruneLocked(this.clock.now()));
        if (removed.length)
            await this.changed();
        return removed;
    }
    async pruneLocked(now) {
        const keepMs = (this.config.auth.accessTokenTtlSeconds + CLOCK_SKEW_SECONDS) * 1000;
        const expired = (await this.repo.list()).filter((k) => k.status === 'retired' && k.retiredAt && now.getTime() - k.retiredAt.getTime() >= keepMs);
        await this.repo.remove(expired.map((k) => k.kid));
        return expired.map((k) => k.kid);
    }
    async changed() {
        await this.bus.publish(TOPIC, 'changed');
        await this.reload();
    }
    reload() {
        this.reloading ??= this.doReload().finally(() => (this.reloading = null));
        return this.reloading;
    }
    async doReload() {
        this.lastReload = Date.now();
        const keys = await this.repo.list();
        const verifiers = new Map();
        let signing = null;
        for (const k of keys) {
            const known = this.verifiers.get(k.kid);
            verifiers.set(k.kid, {
                key: known?.key ?? (await (0, jose_1.importJWK)({ ...toPublicJwk(k) }, 'EdDSA')),
                status: k.status,
            });
            if (k.status === 'active') {
                signing =
                    this.signing?.kid === k.kid
                        ? this.signing
                        : {
                            kid: k.kid,
                            key: await (0, jose_1.importJWK)(JSON.parse((0, key_encryption_1.decryptSecret)(k.privateKeyEnc, this.config.auth.keyEncryptionKey)), 'EdDSA'),
                        };
            }
        }
        this.verifiers = verifiers;
        this.signing = signing;
        this.published = keys.map(toPublicJwk);
        this.generation++;
    }
    generate(status, now) {
        const kid = `${now.toISOString().slice(0, 10)}-${(0, node_crypto_1.randomBytes)(6).toString('hex')}`;
        const { publicKey, privateKey } = (0, node_crypto_1.generateKeyPairSync)('ed25519');
        const pub = publicKey.export({ format: 'jwk' });
        const priv = { ...privateKey.export({ format: 'jwk' }), kid, alg: 'EdDSA' };
        return {
            kid,
            status,
            publicJwk: { ...pub, kid },
            privateKeyEnc: (0, key_encryption_1.encryptSecret)(JSON.stringify(priv), this.config.auth.keyEncryptionKey),
            activatedAt: status === 'active' ? now : null,
            retiredAt: null,
        };
    }
};
exports.SigningKeys = SigningKeys;
exports.SigningKeys = SigningKeys = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [auth_ports_1.SigningKeyRepository,
        invalidation_bus_port_1.InvalidationBus,
        app_config_1.AppConfig,
        clock_port_1.Clock])
], SigningKeys);
const toPublicJwk = (k) => ({
    kty: 'OKP',
    crv: 'Ed25519',
    x: String(k.publicJwk.x),
    kid: k.kid,
    alg: 'EdDSA',
    use: 'sig',
});
//# sourceMappingURL=signing-keys.js.map