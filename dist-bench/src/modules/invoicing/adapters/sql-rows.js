"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.queryRows = queryRows;
async function queryRows(manager, sql, params) {
    const result = await manager.query(sql, params);
    if (/^\s*(UPDATE|DELETE)\b/i.test(sql) && Array.isArray(result) && Array.isArray(result[0]))
        return result[0];
    return result;
}
//# sourceMappingURL=sql-rows.js.map