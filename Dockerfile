# The Sufler API image. One image serves both compose services, `api` and `worker`.
# The API runs the TypeScript sources through tsx at start-up; the only build is the web cockpit bundle (stage 1).
#
#   docker build -t sufler .
#   docker run -p 8787:8787 -v sufler-data:/data sufler      # embedded PGlite in /data
#   (or set DATABASE_URL, SUFLER_JWT_SECRET and SUFLER_ENCRYPTION_KEY to use PostgreSQL; see docker-compose.yml)

# Stage 1: the web cockpit (the side panel's React screens as a web app), built with the dev dependencies.
FROM node:22-bookworm-slim AS web
WORKDIR /build
COPY package.json package-lock.json ./
COPY shared/package.json shared/
COPY api/package.json api/
COPY extension/package.json extension/
RUN npm ci --no-audit --no-fund --ignore-scripts
COPY tsconfig.base.json wxt.config.ts ./
COPY shared/ shared/
COPY api/ api/
COPY extension/ extension/
RUN npm run build:web

# Stage 2: the API image.
FROM node:22-bookworm-slim

WORKDIR /app

# Manifests first, so the dependency layer is rebuilt only when one of them changes.
# npm ci needs every workspace's package.json to match the lockfile.
COPY package.json package-lock.json ./
COPY shared/package.json shared/
COPY api/package.json api/
COPY extension/package.json extension/

# Only what the API runs: the api and shared workspaces, without dev dependencies (tsx, which
# runs the sources, is a runtime dependency of @sufler/api). The extension is built and shipped
# separately; its package.json is copied above only so that npm ci sees the lockfile's workspaces.
RUN npm ci --omit=dev --no-audit --no-fund --workspace=@sufler/api --workspace=@sufler/shared \
 && npm cache clean --force

# Then the sources.
COPY tsconfig.base.json ./
COPY shared/ shared/
COPY api/ api/
# The built web cockpit, served by the API at `/`.
COPY --from=web /build/.output/web/ /app/web/

# npm ci ran before api/bin/sufler.mjs existed, so it linked no `sufler` command; link it now, or
# `npx sufler …` in the container would look for a package of that name on the registry instead.
RUN npm rebuild --ignore-scripts @sufler/api \
 && test -x node_modules/.bin/sufler

# Sources and node_modules stay owned by root (read-only to the app); the only writable place
# is /data, where embedded PGlite keeps its files when DATABASE_URL is unset.
RUN mkdir -p /data && chown node:node /data

# HOST: listen on every interface, or nothing outside the container can reach the API.
# NPM_CONFIG_UPDATE_NOTIFIER: `npx sufler …` for admin commands shouldn't try to reach the registry.
ENV HOST=0.0.0.0 \
    NODE_ENV=production \
    SUFLER_DATA_DIR=/data \
    SUFLER_WEB_DIR=/app/web \
    NPM_CONFIG_UPDATE_NOTIFIER=false

USER node

EXPOSE 8787

# /health answers 200 while the database is up, 503 when it is down. Node's own fetch, since the
# slim image has no curl. PORT is read so the same check works for a service moved off 8787.
# The start period covers migrations, which run on start.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 8787) + '/health', { signal: AbortSignal.timeout(4000) }).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]

# This is `npx sufler start` without npx: run through npx, npm and a `sh -c` sit between Docker and
# the app, and on `docker stop` the SIGTERM kills npm and sh but never reaches node, so the app's
# graceful shutdown (drain HTTP, stop the queue, close the database) never ran before the SIGKILL.
# Admin commands are fine through npx:  docker compose exec api npx sufler user add --email … --role admin
CMD ["node", "api/bin/sufler.mjs", "start"]
