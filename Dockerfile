# syntax=docker/dockerfile:1
# Park Advisor: multi-stage, production dependencies only, runs as the unprivileged `node` user.

FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production PORT=3000 HOST=0.0.0.0
WORKDIR /app
COPY --from=deps --chown=node:node /app/node_modules ./node_modules
COPY --chown=node:node package.json ./
COPY --chown=node:node src ./src
COPY --chown=node:node locales ./locales
COPY --chown=node:node regulations ./regulations
USER node
EXPOSE 3000
CMD ["npm", "start"]
