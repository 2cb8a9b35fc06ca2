# One image for the gateway and the simulator fleet; docker-compose.yml picks the command.
FROM node:20-bookworm-slim
RUN npm install -g pnpm@12
WORKDIR /app
COPY pnpm-workspace.yaml pnpm-lock.yaml package.json ./
COPY proto/package.json proto/
COPY packages/campaign-core/package.json packages/campaign-core/
COPY packages/gateway/package.json packages/gateway/
COPY packages/vehicle-sim/package.json packages/vehicle-sim/
COPY packages/rehearsal/package.json packages/rehearsal/
COPY test/package.json test/
RUN pnpm install --frozen-lockfile
COPY . .
ENV NODE_ENV=production
EXPOSE 8883 8080
CMD ["pnpm", "--filter", "@ota/gateway", "start"]
