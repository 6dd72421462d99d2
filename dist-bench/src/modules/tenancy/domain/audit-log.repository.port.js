"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.AuditLogRepository = exports.AUDIT_ACTIONS = void 0;
exports.AUDIT_ACTIONS = [
    'auth.login_succeeded',
    'auth.login_failed',
    'auth.refresh_reuse_detected',
    'organization.created',
    'organization.updated',
    'member.added',
    'member.invited',
    'member.role_changed',
    'member.removed',
    'api_key.created',
    'api_key.revoked',
    'service_account.token_issued',
];
class AuditLogRepository {
}
exports.AuditLogRepository = AuditLogRepository;
//# sourceMappingURL=audit-log.repository.port.js.map