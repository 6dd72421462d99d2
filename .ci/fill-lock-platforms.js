#!/usr/bin/env node
/*
 * The npm registry this project installs from serves only the linux builds of native packages, so
 * `npm install` cannot record the other platforms' optional packages (@swc/core-darwin-arm64, ...) in
 * package-lock.json, and `npm ci` then refuses the lock as "out of sync". This records each missing
 * optional platform package with its version and os/cpu, so npm ci sees a complete lock and skips
 * them on this platform exactly as it would with a full lock. Run after changing dependencies:
 *   node .ci/fill-lock-platforms.js
 */
const fs = require('node:fs');
const path = require('node:path');

const lockPath = path.join(__dirname, '..', 'package-lock.json');
const lock = JSON.parse(fs.readFileSync(lockPath, 'utf8'));
const packages = lock.packages;

const OS = [
  'darwin',
  'win32',
  'linux',
  'android',
  'freebsd',
  'openharmony',
  'sunos',
  'aix',
  'netbsd',
  'openbsd',
];
const CPU = ['arm64', 'x64', 'ia32', 'arm', 'ppc64', 's390x', 'riscv64', 'loong64', 'mips64el', 'wasm32'];

function platformOf(name) {
  const parts = name.split('/').pop().split('-');
  const os = parts.find((p) => OS.includes(p));
  const cpu = parts.find((p) => CPU.includes(p)) ?? (parts.includes('universal') ? undefined : undefined);
  const libc = parts.find(
    (p) => p === 'gnu' || p.startsWith('gnueabi') || p === 'musl' || p.startsWith('musleabi'),
  );
  return { os, cpu, libc: libc ? (libc.startsWith('musl') ? 'musl' : 'glibc') : undefined };
}

let added = 0;
for (const [key, pkg] of Object.entries(packages)) {
  for (const [dep, spec] of Object.entries(pkg.optionalDependencies ?? {})) {
    // Resolve as node does: nested under the parent first, then hoisted.
    const nested = `${key ? key + '/' : ''}node_modules/${dep}`;
    const hoisted = `node_modules/${dep}`;
    if (packages[nested] || packages[hoisted]) continue;
    const { os, cpu, libc } = platformOf(dep);
    if (!os || !cpu) continue; // not a platform package: leave it to npm
    if (os === process.platform && cpu === process.arch) continue; // ours must be real, never a stub
    if (!/^\d+\.\d+\.\d+/.test(spec)) continue;
    packages[hoisted] = {
      version: spec,
      optional: true,
      os: [os],
      cpu: [cpu],
      ...(libc ? { libc: [libc] } : {}),
    };
    added++;
  }
}

const sorted = Object.fromEntries(
  Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))),
);
lock.packages = sorted;
fs.writeFileSync(lockPath, JSON.stringify(lock, null, 2) + '\n');
console.log(`recorded ${added} optional platform package(s) missing from the lock`);
