"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ApiKeySpendCapRepository = void 0;
class ApiKeySpendCapRepository {
}
exports.ApiKeySpendCapRepository = ApiKeySpendCapRepository;
//# sourceMappingURL=api-key-spend-cap.js.map