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
exports.PreviewInvoice = void 0;
const common_1 = require("@nestjs/common");
const billing_for_invoicing_1 = require("../../../shared/contracts/billing-for-invoicing");
const clock_port_1 = require("../../../shared/domain/clock.port");
const invoice_1 = require("../domain/invoice");
let PreviewInvoice = class PreviewInvoice {
    billing;
    clock;
    constructor(billing, clock) {
        this.billing = billing;
        this.clock = clock;
    }
    async execute(tenantId, subscriptionId) {
        const asOf = this.clock.now();
        const rated = await this.billing.previewCurrentPeriod(tenantId, subscriptionId, asOf);
        const credits = (0, invoice_1.creditsToApply)(rated);
        return {
            rated,
            creditsApplied: credits,
            total: (0, invoice_1.amountDue)(rated.totalBeforeCredits, credits, rated.currency),
            asOf,
        };
    }
};
exports.PreviewInvoice = PreviewInvoice;
exports.PreviewInvoice = PreviewInvoice = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [billing_for_invoicing_1.BillingForInvoicing,
        clock_port_1.Clock])
], PreviewInvoice);
//# sourceMappingURL=preview-invoice.use-case.js.map