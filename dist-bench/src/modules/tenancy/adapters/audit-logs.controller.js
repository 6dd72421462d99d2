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
var __param = (this && this.__param) || function (paramIndex, decorator) {
    return function (target, key) { decorator(target, key, paramIndex); }
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.AuditLogsController = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const auth_decorators_1 = require("../../../shared/http/auth.decorators");
const list_audit_logs_use_case_1 = require("../application/list-audit-logs.use-case");
const tenancy_dto_1 = require("./tenancy.dto");
let AuditLogsController = class AuditLogsController {
    listAuditLogs;
    constructor(listAuditLogs) {
        this.listAuditLogs = listAuditLogs;
    }
    list(tenantId, query) {
        return this.listAuditLogs.execute(tenantId, query);
    }
};
exports.AuditLogsController = AuditLogsController;
__decorate([
    (0, common_1.Get)(),
    (0, auth_decorators_1.Roles)('owner', 'admin'),
    (0, auth_decorators_1.Scopes)('audit:read'),
    (0, swagger_1.ApiOperation)({ summary: 'Security-relevant actions in the organization, newest first' }),
    (0, swagger_1.ApiOkResponse)({ type: tenancy_dto_1.AuditLogPageDto }),
    __param(0, (0, auth_decorators_1.CurrentTenant)()),
    __param(1, (0, common_1.Query)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, tenancy_dto_1.AuditLogQueryDto]),
    __metadata("design:returntype", Promise)
], AuditLogsController.prototype, "list", null);
exports.AuditLogsController = AuditLogsController = __decorate([
    (0, swagger_1.ApiTags)('audit'),
    (0, common_1.Controller)('api/v1/audit-logs'),
    __metadata("design:paramtypes", [list_audit_logs_use_case_1.ListAuditLogs])
], AuditLogsController);
//# sourceMappingURL=audit-logs.controller.js.map