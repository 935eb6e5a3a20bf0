# syntax=docker/dockerfile:1.7
# One image for every role: the ENTRYPOINT is the `genonaut` CLI and the command picks the role
# (api, worker, comfyui-mock, migrate up, seed demo). ECS and docker-compose run it the same way.
# infra/test/docker-image.test.ts runs these stages' steps outside Docker in CI, so keep every RUN
# free of absolute host paths.

ARG NODE_IMAGE=node:20-bookworm-slim

# --- build: every dependency of the server, the contracts and the web app; then both builds --------
FROM ${NODE_IMAGE} AS build
WORKDIR /app
ENV npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false
# Manifests first: the install layer is reused until a dependency changes.
COPY package.json package-lock.json .npmrc ./
COPY contracts/package.json contracts/
COPY server/package.json server/
COPY web/package.json web/
COPY e2e/package.json e2e/
COPY infra/package.json infra/
COPY docs/package.json docs/
RUN --mount=type=cache,target=/root/.npm npm ci --workspace server --workspace contracts --workspace web
COPY tsconfig.base.json ./
COPY contracts/ contracts/
COPY server/ server/
COPY web/ web/
RUN npm run build -w server && npm run build -w web

# --- deps: production dependencies of the server only (no compilers, test tools or web toolchain) ---
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
ENV npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false
COPY package.json package-lock.json .npmrc ./
COPY contracts/package.json contracts/
COPY server/package.json server/
COPY web/package.json web/
COPY e2e/package.json e2e/
COPY infra/package.json infra/
COPY docs/package.json docs/
# server/node_modules holds the few packages npm could not hoist; create it so the COPY below always has it.
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev --workspace server --workspace contracts && mkdir -p server/node_modules

# --- runtime ------------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    NODE_OPTIONS=--enable-source-maps \
    GENONAUT_ENV=production \
    HOST=0.0.0.0 \
    PORT=8001 \
    WEB_DIST_DIR=/app/web/dist \
    STORAGE_DIR=/app/data/storage
WORKDIR /app
# Amazon RDS's CA bundle: DATABASE_URL on AWS verifies the database's certificate with it.
ADD --chmod=644 https://truststore.pki.rds.amazonaws.com/global/global-bundle.pem certs/rds-global-bundle.pem
COPY --from=deps /app/package.json ./
COPY --from=deps /app/node_modules node_modules/
COPY --from=deps /app/server/node_modules server/node_modules/
COPY --from=build /app/server/package.json server/
COPY --from=build /app/server/dist server/dist/
COPY --from=build /app/web/dist web/dist/
# Local storage (docker-compose) writes here as the unprivileged user.
RUN mkdir -p data/storage && chown -R node:node data
USER node
EXPOSE 8001 8189
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "server/dist/healthcheck.js", "api"]
ENTRYPOINT ["node", "server/dist/cli.js"]
CMD ["api"]
