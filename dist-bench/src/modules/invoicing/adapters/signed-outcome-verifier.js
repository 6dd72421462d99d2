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
exports.SignedOutcomeVerifier = void 0;
const common_1 = require("@nestjs/common");
const app_config_1 = require("../../../config/app-config");
const clock_port_1 = require("../../../shared/domain/clock.port");
const webhook_sender_port_1 = require("../../webhooks/domain/webhook-sender.port");
const webhook_signature_1 = require("../../webhooks/domain/webhook-signature");
const outcome_verifier_port_1 = require("../domain/outcome-verifier.port");
let SignedOutcomeVerifier = class SignedOutcomeVerifier extends outcome_verifier_port_1.OutcomeVerifier {
    sender;
    clock;
    config;
    constructor(sender, clock, config) {
        super();
        this.sender = sender;
        this.clock = clock;
        this.config = config;
    }
    async ask(url, secret, outcome) {
        const body = JSON.stringify({
            type: 'outcome.verification_requested',
            outcome: { ...outcome, createdAt: outcome.createdAt.toISOString() },
        });
        const t = Math.floor(this.clock.now().getTime() / 1000);
        const res = await this.sender.post(url, body, {
            'content-type': 'application/json',
            [webhook_signature_1.SIGNATURE_HEADER]: (0, webhook_signature_1.signPayload)(secret, t, body),
        }, { timeoutMs: this.config.invoicing.outcomeTimeoutMs });
        if (res.statusCode === null || res.statusCode < 200 || res.statusCode >= 300)
            return { ok: false, error: res.error ?? `verification webhook answered ${res.statusCode}` };
        try {
            const parsed = JSON.parse(res.responseBody ?? '');
            if (parsed.verdict !== 'verified' && parsed.verdict !== 'rejected')
                return { ok: false, error: 'verification webhook answered without a verdict' };
            return {
                ok: true,
                status: parsed.verdict,
                reason: typeof parsed.reason === 'string' ? parsed.reason.slice(0, 500) : undefined,
            };
        }
        catch {
            return { ok: false, error: 'verification webhook answered invalid JSON' };
        }
    }
};
exports.SignedOutcomeVerifier = SignedOutcomeVerifier;
exports.SignedOutcomeVerifier = SignedOutcomeVerifier = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [webhook_sender_port_1.WebhookSender,
        clock_port_1.Clock,
        app_config_1.AppConfig])
], SignedOutcomeVerifier);
//# sourceMappingURL=signed-outcome-verifier.js.map