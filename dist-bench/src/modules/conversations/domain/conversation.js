"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.TITLE_MAX_LENGTH = void 0;
exports.titleFrom = titleFrom;
exports.TITLE_MAX_LENGTH = 80;
function titleFrom(message) {
    const flat = message.replace(/\s+/g, ' ').trim();
    if (flat.length <= exports.TITLE_MAX_LENGTH)
        return flat;
    const cut = flat.slice(0, exports.TITLE_MAX_LENGTH - 1);
    const space = cut.lastIndexOf(' ');
    return `${(space > 40 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
//# sourceMappingURL=conversation.js.map