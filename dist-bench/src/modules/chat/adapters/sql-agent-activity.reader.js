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
exports.SqlAgentActivityReader = void 0;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("typeorm");
const agent_activity_port_1 = require("../domain/agent-activity.port");
let SqlAgentActivityReader = class SqlAgentActivityReader extends agent_activity_port_1.AgentActivityReader {
    db;
    constructor(db) {
        super();
        this.db = db;
    }
    async since(tenantId, agentId, from) {
        const [row] = await this.db.query(`SELECT
         greatest(
           (SELECT max(occurred_at) FROM llm_usage WHERE tenant_id = $1 AND agent_id = $2),
           (SELECT max(last_message_at) FROM conversations WHERE tenant_id = $1 AND agent_id = $2)
         ) AS last_active_at,
         (SELECT count(*) FROM conversations
           WHERE tenant_id = $1 AND agent_id = $2 AND created_at >= $3 AND deleted_at IS NULL)::int AS conversations,
         (SELECT count(*) FROM messages m JOIN conversations c ON c.id = m.conversation_id AND c.tenant_id = $1
           WHERE m.tenant_id = $1 AND c.agent_id = $2 AND m.created_at >= $3)::int AS messages,
         u.prompt_tokens, u.completion_tokens, u.requests
       FROM (SELECT coalesce(sum(prompt_tokens), 0)::bigint AS prompt_tokens,
                    coalesce(sum(completion_tokens), 0)::bigint AS completion_tokens,
                    count(*)::int AS requests
             FROM llm_usage WHERE tenant_id = $1 AND agent_id = $2 AND occurred_at >= $3) u`, [tenantId, agentId, from]);
        return {
            lastActiveAt: row.last_active_at,
            conversations: row.conversations,
            messages: row.messages,
            promptTokens: Number(row.prompt_tokens),
            completionTokens: Number(row.completion_tokens),
            requests: row.requests,
        };
    }
};
exports.SqlAgentActivityReader = SqlAgentActivityReader;
exports.SqlAgentActivityReader = SqlAgentActivityReader = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [typeorm_1.DataSource])
], SqlAgentActivityReader);
//# sourceMappingURL=sql-agent-activity.reader.js.map