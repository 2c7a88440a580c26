# syntax=docker/dockerfile:1
# Park Advisor: multi-stage, production dependencies only, runs as the unprivileged `node` user.
# tsx runs the TypeScript sources (no build step); esbuild, a production dependency, bundles the widget and the
# staff console on first request. Build: `docker build -t park-advisor .`; run with Redis: `docker compose up`.

FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production PORT=3000 HOST=0.0.0.0 NPM_CONFIG_UPDATE_NOTIFIER=false
WORKDIR /app
COPY --from=deps --chown=node:node /app/node_modules ./node_modules
COPY --chown=node:node package.json package-lock.json tsconfig.json ./
COPY --chown=node:node src ./src
COPY --chown=node:node locales ./locales
COPY --chown=node:node regulations ./regulations
USER node
EXPOSE 3000
# The slim image has no curl: Node itself asks /healthz (liveness; /readyz also checks Redis).
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "require('http').get({host:'127.0.0.1',port:process.env.PORT||3000,path:'/healthz',timeout:4000},r=>process.exit(r.statusCode===200?0:1)).on('error',()=>process.exit(1)).on('timeout',()=>process.exit(1))"]
# npm forwards SIGTERM to the app, which stops accepting, finishes requests in flight and closes Redis.
CMD ["npm", "start"]
