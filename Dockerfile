# One image for the worker, the API and the provider simulator; docker-compose.yml picks the command.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY scripts ./scripts
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
COPY config ./config
# YAML contracts and the simulator's sample feeds are read from the source tree at run time.
COPY src/api/openapi.yaml src/api/
COPY src/api/openapi/openapi-extensions.yaml src/api/openapi/
COPY src/simulator/samples src/simulator/samples
USER node
CMD ["node", "dist/src/server.js"]
