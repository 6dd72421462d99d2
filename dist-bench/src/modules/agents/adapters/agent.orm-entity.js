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
exports.AgentOrmEntity = void 0;
const typeorm_1 = require("typeorm");
let AgentOrmEntity = class AgentOrmEntity {
    id;
    tenantId;
    name;
    slug;
    description;
    provider;
    model;
    instructions;
    temperature;
    topP;
    maxTokens;
    tools;
    billingPlanId;
    externalId;
    status;
    metadata;
    createdAt;
    updatedAt;
};
exports.AgentOrmEntity = AgentOrmEntity;
__decorate([
    (0, typeorm_1.PrimaryColumn)('uuid'),
    __metadata("design:type", String)
], AgentOrmEntity.prototype, "id", void 0);
__decorate([
    (0, typeorm_1.Column)('uuid'),
    __metadata("design:type", String)
], AgentOrmEntity.prototype, "tenantId", void 0);
__decorate([
    (0, typeorm_1.Column)('text'),
    __metadata("design:type", String)
], AgentOrmEntity.prototype, "name", void 0);
__decorate([
    (0, typeorm_1.Column)('text'),
    __metadata("design:type", String)
], AgentOrmEntity.prototype, "slug", void 0);
__decorate([
    (0, typeorm_1.Column)('text'),
    __metadata("design:type", String)
], AgentOrmEntity.prototype, "description", void 0);
__decorate([
    (0, typeorm_1.Column)('text'),
    __metadata("design:type", String)
], AgentOrmEntity.prototype, "provider", void 0);
__decorate([
    (0, typeorm_1.Column)('text'),
    __metadata("design:type", String)
], AgentOrmEntity.prototype, "model", void 0);
__decorate([
    (0, typeorm_1.Column)('text'),
    __metadata("design:type", String)
], AgentOrmEntity.prototype, "instructions", void 0);
__decorate([
    (0, typeorm_1.Column)('real', { nullable: true }),
    __metadata("design:type", Object)
], AgentOrmEntity.prototype, "temperature", void 0);
__decorate([
    (0, typeorm_1.Column)('real', { nullable: true }),
    __metadata("design:type", Object)
], AgentOrmEntity.prototype, "topP", void 0);
__decorate([
    (0, typeorm_1.Column)('integer', { nullable: true }),
    __metadata("design:type", Object)
], AgentOrmEntity.prototype, "maxTokens", void 0);
__decorate([
    (0, typeorm_1.Column)('text', { array: true }),
    __metadata("design:type", Array)
], AgentOrmEntity.prototype, "tools", void 0);
__decorate([
    (0, typeorm_1.Column)('uuid', { nullable: true }),
    __metadata("design:type", Object)
], AgentOrmEntity.prototype, "billingPlanId", void 0);
__decorate([
    (0, typeorm_1.Column)('text', { nullable: true }),
    __metadata("design:type", Object)
], AgentOrmEntity.prototype, "externalId", void 0);
__decorate([
    (0, typeorm_1.Column)('text'),
    __metadata("design:type", String)
], AgentOrmEntity.prototype, "status", void 0);
__decorate([
    (0, typeorm_1.Column)('jsonb'),
    __metadata("design:type", Object)
], AgentOrmEntity.prototype, "metadata", void 0);
__decorate([
    (0, typeorm_1.Column)('timestamptz'),
    __metadata("design:type", Date)
], AgentOrmEntity.prototype, "createdAt", void 0);
__decorate([
    (0, typeorm_1.Column)('timestamptz'),
    __metadata("design:type", Date)
], AgentOrmEntity.prototype, "updatedAt", void 0);
exports.AgentOrmEntity = AgentOrmEntity = __decorate([
    (0, typeorm_1.Entity)('agents')
], AgentOrmEntity);
//# sourceMappingURL=agent.orm-entity.js.map