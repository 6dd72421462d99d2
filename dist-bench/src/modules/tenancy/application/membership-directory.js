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
exports.MembershipDirectory = void 0;
const common_1 = require("@nestjs/common");
const app_config_1 = require("../../../config/app-config");
const membership_repository_port_1 = require("../domain/membership.repository.port");
const invalidation_bus_port_1 = require("../domain/invalidation-bus.port");
const lru_cache_1 = require("lru-cache");
const TOPIC = 'membership';
let MembershipDirectory = class MembershipDirectory {
    memberships;
    bus;
    cache;
    constructor(memberships, bus, config) {
        this.memberships = memberships;
        this.bus = bus;
        this.cache = new lru_cache_1.LRUCache({ max: 10_000, ttl: config.auth.cacheTtlMs || 1 });
    }
    onModuleInit() {
        this.bus.subscribe(TOPIC, (userId) => this.cache.delete(userId));
    }
    async forUser(userId) {
        const cached = this.cache.get(userId);
        if (cached)
            return cached;
        const memberships = await this.memberships.listForUser(userId);
        this.cache.set(userId, memberships);
        return memberships;
    }
    async changed(userId) {
        this.cache.delete(userId);
        await this.bus.publish(TOPIC, userId);
    }
};
exports.MembershipDirectory = MembershipDirectory;
exports.MembershipDirectory = MembershipDirectory = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [membership_repository_port_1.MembershipRepository,
        invalidation_bus_port_1.InvalidationBus,
        app_config_1.AppConfig])
], MembershipDirectory);
//# sourceMappingURL=membership-directory.js.map