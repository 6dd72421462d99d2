"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.METADATA_MAX_BYTES = exports.AGENT_STATUSES = void 0;
exports.checkMetadataSize = checkMetadataSize;
const domain_error_1 = require("../../../shared/domain/domain-error");
exports.AGENT_STATUSES = ['active', 'paused', 'archived'];
exports.METADATA_MAX_BYTES = 8 * 1024;
function checkMetadataSize(metadata) {
    const size = Buffer.byteLength(JSON.stringify(metadata), 'utf8');
    if (size > exports.METADATA_MAX_BYTES)
        throw new domain_error_1.InvalidError('metadata_too_large', `metadata is ${size} bytes; the limit is ${exports.METADATA_MAX_BYTES}`, [{ field: 'metadata', message: `at most ${exports.METADATA_MAX_BYTES} bytes of JSON` }]);
}
//# sourceMappingURL=agent.js.map