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
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.StripeWebhookController = exports.StripeWebhookAckDto = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const stripe_1 = __importDefault(require("stripe"));
const app_config_1 = require("../../../config/app-config");
const domain_error_1 = require("../../../shared/domain/domain-error");
const auth_decorators_1 = require("../../../shared/http/auth.decorators");
const receive_stripe_event_use_case_1 = require("../application/receive-stripe-event.use-case");
class StripeWebhookAckDto {
    received;
    duplicate;
}
exports.StripeWebhookAckDto = StripeWebhookAckDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: true }),
    __metadata("design:type", Boolean)
], StripeWebhookAckDto.prototype, "received", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({
        example: false,
        description: 'This Stripe event id was received before (nothing happens again)',
    }),
    __metadata("design:type", Boolean)
], StripeWebhookAckDto.prototype, "duplicate", void 0);
let StripeWebhookController = class StripeWebhookController {
    receive;
    config;
    constructor(receive, config) {
        this.receive = receive;
        this.config = config;
    }
    async handle(req, signature) {
        const { stripeWebhookSecret, stripeToleranceSeconds } = this.config.webhooks;
        if (!stripeWebhookSecret)
            throw new domain_error_1.DomainError('unavailable', 'stripe_webhooks_not_configured', 'STRIPE_WEBHOOK_SECRET is not set');
        if (!signature || !req.rawBody)
            throw new domain_error_1.InvalidError('invalid_stripe_signature', 'Missing Stripe-Signature header or body');
        let event;
        try {
            event = stripe_1.default.webhooks.constructEvent(req.rawBody, signature, stripeWebhookSecret, stripeToleranceSeconds);
        }
        catch {
            throw new domain_error_1.InvalidError('invalid_stripe_signature', 'The Stripe-Signature header does not match the body');
        }
        if (!event?.id || !event.type || !event.data?.object)
            throw new domain_error_1.InvalidError('invalid_stripe_event', 'Not a Stripe event');
        const { duplicate } = await this.receive.execute(event);
        return { received: true, duplicate };
    }
};
exports.StripeWebhookController = StripeWebhookController;
__decorate([
    (0, common_1.Post)(),
    (0, auth_decorators_1.Public)(),
    (0, common_1.HttpCode)(200),
    (0, swagger_1.ApiOperation)({
        summary: 'Stripe webhook intake: verify the signature, store the event, acknowledge at once',
    }),
    (0, swagger_1.ApiHeader)({ name: 'Stripe-Signature', required: true }),
    (0, swagger_1.ApiBody)({ schema: { type: 'object', description: 'A Stripe event' } }),
    (0, swagger_1.ApiOkResponse)({ type: StripeWebhookAckDto }),
    __param(0, (0, common_1.Req)()),
    __param(1, (0, common_1.Headers)('stripe-signature')),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Object]),
    __metadata("design:returntype", Promise)
], StripeWebhookController.prototype, "handle", null);
exports.StripeWebhookController = StripeWebhookController = __decorate([
    (0, swagger_1.ApiTags)('webhooks'),
    (0, common_1.Controller)('webhooks/stripe'),
    __metadata("design:paramtypes", [receive_stripe_event_use_case_1.ReceiveStripeEvent,
        app_config_1.AppConfig])
], StripeWebhookController);
//# sourceMappingURL=stripe-webhook.controller.js.map