"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.encodeCursor = void 0;
exports.decodeCursor = decodeCursor;
const domain_error_1 = require("../../../shared/domain/domain-error");
const ids_1 = require("../../../shared/domain/ids");
const encodeCursor = (c) => Buffer.from(`${c.createdAt.toISOString()}|${c.id}`, 'utf8').toString('base64url');
exports.encodeCursor = encodeCursor;
function decodeCursor(raw) {
    const [iso, id] = Buffer.from(raw, 'base64url').toString('utf8').split('|');
    const createdAt = new Date(iso ?? '');
    if (!id || !(0, ids_1.isUuid)(id) || Number.isNaN(createdAt.getTime()))
        throw new domain_error_1.InvalidError('invalid_cursor', 'cursor is not one this API returned', [
            { field: 'cursor', message: 'invalid cursor' },
        ]);
    return { createdAt, id };
}
//# sourceMappingURL=cursor.js.map