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
exports.ListAuditLogs = void 0;
const common_1 = require("@nestjs/common");
const domain_error_1 = require("../../../shared/domain/domain-error");
const audit_log_repository_port_1 = require("../domain/audit-log.repository.port");
const encodeCursor = (e) => Buffer.from(`${e.createdAt.toISOString()}|${e.id}`).toString('base64url');
function decodeCursor(cursor) {
    const [at, id] = Buffer.from(cursor, 'base64url').toString().split('|');
    const createdAt = new Date(at ?? '');
    if (!id || Number.isNaN(createdAt.getTime()))
        throw new domain_error_1.InvalidError('invalid_cursor', 'cursor is not valid');
    return { createdAt, id };
}
let ListAuditLogs = class ListAuditLogs {
    repo;
    constructor(repo) {
        this.repo = repo;
    }
    async execute(tenantId, query) {
        const limit = query.limit ?? 50;
        const rows = await this.repo.list(tenantId, {
            action: query.action,
            from: query.from,
            to: query.to,
            limit: limit + 1,
            before: query.cursor ? decodeCursor(query.cursor) : undefined,
        });
        const items = rows.slice(0, limit);
        return { items, nextCursor: rows.length > limit ? encodeCursor(items[items.length - 1]) : null };
    }
};
exports.ListAuditLogs = ListAuditLogs;
exports.ListAuditLogs = ListAuditLogs = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [audit_log_repository_port_1.AuditLogRepository])
], ListAuditLogs);
//# sourceMappingURL=list-audit-logs.use-case.js.map