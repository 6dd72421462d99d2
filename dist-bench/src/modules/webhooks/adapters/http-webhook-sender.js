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
exports.HttpWebhookSender = void 0;
const common_1 = require("@nestjs/common");
const promises_1 = require("node:dns/promises");
const node_net_1 = require("node:net");
const app_config_1 = require("../../../config/app-config");
const webhook_sender_port_1 = require("../domain/webhook-sender.port");
const PRIVATE = new node_net_1.BlockList();
for (const [net, prefix] of [
    ['0.0.0.0', 8],
    ['10.0.0.0', 8],
    ['100.64.0.0', 10],
    ['127.0.0.0', 8],
    ['169.254.0.0', 16],
    ['172.16.0.0', 12],
    ['192.168.0.0', 16],
    ['224.0.0.0', 4],
])
    PRIVATE.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [
    ['::', 128],
    ['::1', 128],
    ['fc00::', 7],
    ['fe80::', 10],
    ['ff00::', 8],
])
    PRIVATE.addSubnet(net, prefix, 'ipv6');
const isPrivate = (address) => {
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
    if (mapped)
        return PRIVATE.check(mapped[1], 'ipv4');
    return PRIVATE.check(address, (0, node_net_1.isIP)(address) === 6 ? 'ipv6' : 'ipv4');
};
let HttpWebhookSender = class HttpWebhookSender extends webhook_sender_port_1.WebhookSender {
    config;
    constructor(config) {
        super();
        this.config = config;
    }
    async checkUrl(raw) {
        let url;
        try {
            url = new URL(raw);
        }
        catch {
            return 'not a valid URL';
        }
        if (url.protocol !== 'https:' && url.protocol !== 'http:')
            return 'only http and https URLs are allowed';
        if (url.username || url.password)
            return 'URLs with credentials are not allowed';
        if (this.config.webhooks.allowPrivateUrls)
            return null;
        const host = url.hostname.replace(/^\[|\]$/g, '');
        const addresses = (0, node_net_1.isIP)(host)
            ? [host]
            : await (0, promises_1.lookup)(host, { all: true }).then((r) => r.map((a) => a.address), () => []);
        if (!addresses.length)
            return `cannot resolve ${host}`;
        if (addresses.some(isPrivate))
            return 'the URL resolves to a private or loopback address';
        return null;
    }
    async post(url, body, headers, opts = {}) {
        const started = Date.now();
        const refused = await this.checkUrl(url);
        if (refused)
            return { statusCode: null, error: refused, responseBody: null, durationMs: 0 };
        const cfg = this.config.webhooks;
        const timeoutMs = opts.timeoutMs ?? cfg.timeoutMs;
        try {
            const res = await fetch(url, {
                method: 'POST',
                body,
                headers,
                redirect: 'manual',
                signal: AbortSignal.timeout(timeoutMs),
            });
            const responseBody = await readCapped(res, cfg.responseLogBytes);
            return { statusCode: res.status, error: null, responseBody, durationMs: Date.now() - started };
        }
        catch (e) {
            const error = e?.name === 'TimeoutError'
                ? `timed out after ${timeoutMs} ms`
                : String(e);
            return { statusCode: null, error, responseBody: null, durationMs: Date.now() - started };
        }
    }
};
exports.HttpWebhookSender = HttpWebhookSender;
exports.HttpWebhookSender = HttpWebhookSender = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [app_config_1.AppConfig])
], HttpWebhookSender);
async function readCapped(res, cap) {
    if (!res.body || cap === 0) {
        await res.body?.cancel();
        return '';
    }
    const reader = res.body.getReader();
    const chunks = [];
    let size = 0;
    while (size < cap) {
        const { done, value } = await reader.read();
        if (done)
            break;
        chunks.push(value);
        size += value.length;
    }
    await reader.cancel().catch(() => undefined);
    return Buffer.concat(chunks).subarray(0, cap).toString('utf8');
}
//# sourceMappingURL=http-webhook-sender.js.map