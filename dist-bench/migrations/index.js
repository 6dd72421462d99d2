"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ALL_MIGRATIONS = void 0;
const _1764000000000_Foundation_1 = require("./1764000000000-Foundation");
const _1764000100000_AuthTenancy_1 = require("./1764000100000-AuthTenancy");
const _1764000200000_Agents_1 = require("./1764000200000-Agents");
const _1764000200100_ChatConversations_1 = require("./1764000200100-ChatConversations");
const _1764000400000_Invoicing_1 = require("./1764000400000-Invoicing");
const _1764000450000_Webhooks_1 = require("./1764000450000-Webhooks");
const _1764000300000_Billing_1 = require("./1764000300000-Billing");
const _1764000300001_UsageRollups_1 = require("./1764000300001-UsageRollups");
const _1764000460000_CreditNoteRefunds_1 = require("./1764000460000-CreditNoteRefunds");
exports.ALL_MIGRATIONS = [
    _1764000000000_Foundation_1.Foundation1764000000000,
    _1764000100000_AuthTenancy_1.AuthTenancy1764000100000,
    _1764000200000_Agents_1.Agents1764000200000,
    _1764000200100_ChatConversations_1.ChatConversations1764000200100,
    _1764000400000_Invoicing_1.Invoicing1764000400000,
    _1764000450000_Webhooks_1.Webhooks1764000450000,
    _1764000300000_Billing_1.Billing1764000300000,
    _1764000300001_UsageRollups_1.UsageRollups1764000300001,
    _1764000460000_CreditNoteRefunds_1.CreditNoteRefunds1764000460000,
];
//# sourceMappingURL=index.js.map