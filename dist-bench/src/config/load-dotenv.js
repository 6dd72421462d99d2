"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.loadDotenv = loadDotenv;
const dotenv_1 = require("dotenv");
function loadDotenv() {
    (0, dotenv_1.config)({ quiet: true });
}
//# sourceMappingURL=load-dotenv.js.map