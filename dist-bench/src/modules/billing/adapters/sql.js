"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.num = void 0;
exports.sql = sql;
exports.trimZeros = trimZeros;
async function sql(tx, text, params = []) {
    const result = await tx.tx.query(text, params);
    if (Array.isArray(result) &&
        result.length === 2 &&
        Array.isArray(result[0]) &&
        typeof result[1] === 'number')
        return result[0];
    return result;
}
const num = (v) => v === null || v === undefined ? null : trimZeros(String(v));
exports.num = num;
function trimZeros(v) {
    if (!v.includes('.'))
        return v;
    const t = v.replace(/0+$/, '').replace(/\.$/, '');
    return t === '-0' ? '0' : t;
}
//# sourceMappingURL=sql.js.map