"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.SnakeNamingStrategy = void 0;
const typeorm_1 = require("typeorm");
const snake = (s) => s.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
class SnakeNamingStrategy extends typeorm_1.DefaultNamingStrategy {
    columnName(propertyName, customName, prefixes) {
        return snake(prefixes.concat(customName ?? propertyName).join('_'));
    }
    relationName(propertyName) {
        return snake(propertyName);
    }
    joinColumnName(relationName, referencedColumnName) {
        return snake(`${relationName}_${referencedColumnName}`);
    }
}
exports.SnakeNamingStrategy = SnakeNamingStrategy;
//# sourceMappingURL=snake-naming.strategy.js.map