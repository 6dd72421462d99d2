"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.UuidOr404Pipe = void 0;
const common_1 = require("@nestjs/common");
const domain_error_1 = require("../../../shared/domain/domain-error");
const ids_1 = require("../../../shared/domain/ids");
let UuidOr404Pipe = class UuidOr404Pipe {
    what;
    constructor(what = 'Resource') {
        this.what = what;
    }
    transform(value) {
        if (!(0, ids_1.isUuid)(value))
            throw new domain_error_1.NotFoundError(this.what, value);
        return value;
    }
};
exports.UuidOr404Pipe = UuidOr404Pipe;
exports.UuidOr404Pipe = UuidOr404Pipe = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [Object])
], UuidOr404Pipe);
//# sourceMappingURL=uuid-or-404.pipe.js.map