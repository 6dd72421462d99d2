"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ConversationRepository = void 0;
class ConversationRepository {
}
exports.ConversationRepository = ConversationRepository;
//# sourceMappingURL=conversation.repository.port.js.map