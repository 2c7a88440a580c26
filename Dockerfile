# syntax=docker/dockerfile:1
# Park Advisor: multi-stage. The build stage has every dependency and runs `npm run build` (the server transpiled to
# dist/, the widget and staff bundles built ahead of time); the runtime stage has production dependencies only (no
# esbuild, no tsx, no sources) and runs `node dist/main.js` as PID 1, as the unprivileged `node` user.
# Build: `docker build -t park-advisor .`; run with Redis: `docker compose up`.

FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json ./
COPY scripts ./scripts
COPY src ./src
COPY locales ./locales
RUN npm run build

FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production PORT=3000 HOST=0.0.0.0
WORKDIR /app
COPY --from=deps --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/dist ./dist
# package.json: "type": "module" for dist/ and the version in the OpenAPI document; locales are read at start-up.
COPY --chown=node:node package.json ./
COPY --chown=node:node locales ./locales
COPY --chown=node:node regulations ./regulations
USER node
EXPOSE 3000
# The slim image has no curl: Node itself asks /healthz (liveness; /readyz also checks Redis).
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "require('http').get({host:'127.0.0.1',port:process.env.PORT||3000,path:'/healthz',timeout:4000},r=>process.exit(r.statusCode===200?0:1)).on('error',()=>process.exit(1)).on('timeout',()=>process.exit(1))"]
# Exec form: node is PID 1 and receives `docker stop`'s SIGTERM itself (it handles SIGTERM and SIGINT, so PID 1's
# default of ignoring signals does not apply): it stops accepting, finishes requests in flight and bot updates,
# closes Redis and exits 0. It starts no child processes, so there are no zombies to reap.
STOPSIGNAL SIGTERM
CMD ["node", "dist/main.js"]
