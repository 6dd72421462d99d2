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
exports.AuditTrail = void 0;
const common_1 = require("@nestjs/common");
const nestjs_cls_1 = require("nestjs-cls");
const clock_port_1 = require("../../../shared/domain/clock.port");
const ids_1 = require("../../../shared/domain/ids");
const audit_log_repository_port_1 = require("../domain/audit-log.repository.port");
let AuditTrail = class AuditTrail {
    repo;
    cls;
    clock;
    constructor(repo, cls, clock) {
        this.repo = repo;
        this.cls = cls;
        this.clock = clock;
    }
    async record(tenantIds, record) {
        const tenants = typeof tenantIds === 'string' ? [tenantIds] : tenantIds;
        if (!tenants.length)
            return;
        const active = this.cls.isActive();
        const principal = active ? this.cls.get('principal') : undefined;
        const actor = record.actor ?? (principal ? { kind: principal.kind, id: principal.id } : null);
        const now = this.clock.now();
        await this.repo.insert(tenants.map((tenantId) => ({
            id: (0, ids_1.newId)(),
            tenantId,
            action: record.action,
            actorKind: actor?.kind ?? null,
            actorId: actor?.id ?? null,
            target: record.target ?? null,
            ip: (active && this.cls.get('ip')) || null,
            requestId: (active && (this.cls.get('requestId') || this.cls.getId())) || null,
            details: record.details ?? {},
            createdAt: now,
        })));
    }
};
exports.AuditTrail = AuditTrail;
exports.AuditTrail = AuditTrail = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [audit_log_repository_port_1.AuditLogRepository,
        nestjs_cls_1.ClsService,
        clock_port_1.Clock])
], AuditTrail);
//# sourceMappingURL=audit-trail.js.map