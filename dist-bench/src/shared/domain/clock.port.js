"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.FixedClock = exports.SystemClock = exports.Clock = void 0;
class Clock {
}
exports.Clock = Clock;
class SystemClock extends Clock {
    now() {
        return new Date();
    }
}
exports.SystemClock = SystemClock;
class FixedClock extends Clock {
    current;
    constructor(current) {
        super();
        this.current = current;
    }
    now() {
        return new Date(this.current);
    }
    set(date) {
        this.current = date;
    }
    advance(ms) {
        this.current = new Date(this.current.getTime() + ms);
    }
}
exports.FixedClock = FixedClock;
//# sourceMappingURL=clock.port.js.map