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
exports.AgentCache = void 0;
const common_1 = require("@nestjs/common");
const app_config_1 = require("../../../config/app-config");
const agent_repository_port_1 = require("../domain/agent.repository.port");
let AgentCache = class AgentCache {
    agents;
    entries = new Map();
    ttlMs;
    constructor(agents, config) {
        this.agents = agents;
        this.ttlMs = config.chat.agentCacheMs;
    }
    byId(tenantId, id) {
        return this.cached(`${tenantId}:id:${id}`, () => this.agents.findById(tenantId, id));
    }
    bySlug(tenantId, slug) {
        return this.cached(`${tenantId}:slug:${slug}`, () => this.agents.findBySlug(tenantId, slug));
    }
    forget(agent) {
        for (const [key, entry] of this.entries)
            if (key === `${agent.tenantId}:id:${agent.id}` || entry.agent?.id === agent.id)
                this.entries.delete(key);
        this.entries.delete(`${agent.tenantId}:slug:${agent.slug}`);
    }
    async cached(key, load) {
        if (this.ttlMs === 0)
            return load();
        const now = Date.now();
        const hit = this.entries.get(key);
        if (hit && hit.expires > now)
            return hit.agent;
        const agent = await load();
        if (this.entries.size > 10_000)
            this.entries.clear();
        this.entries.set(key, { agent, expires: now + this.ttlMs });
        return agent;
    }
};
exports.AgentCache = AgentCache;
exports.AgentCache = AgentCache = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [agent_repository_port_1.AgentRepository,
        app_config_1.AppConfig])
], AgentCache);
//# sourceMappingURL=agent-cache.js.map