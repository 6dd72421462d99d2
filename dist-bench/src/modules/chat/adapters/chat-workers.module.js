"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.ChatWorkersModule = void 0;
const common_1 = require("@nestjs/common");
const chat_module_1 = require("../chat.module");
const usage_stream_consumer_1 = require("./usage-stream.consumer");
let ChatWorkersModule = class ChatWorkersModule {
};
exports.ChatWorkersModule = ChatWorkersModule;
exports.ChatWorkersModule = ChatWorkersModule = __decorate([
    (0, common_1.Module)({
        imports: [chat_module_1.ChatModule],
        providers: [usage_stream_consumer_1.UsageStreamConsumer],
    })
], ChatWorkersModule);
//# sourceMappingURL=chat-workers.module.js.map