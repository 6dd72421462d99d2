"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.OutcomeVerifier = void 0;
class OutcomeVerifier {
}
exports.OutcomeVerifier = OutcomeVerifier;
//# sourceMappingURL=outcome-verifier.port.js.map