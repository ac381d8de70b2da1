# The GitHub App as a container: `docker build -t model-approval-app . && docker run -p 3000:3000 \
#   -e APP_ID=... -e PRIVATE_KEY="$(cat key.pem)" -e WEBHOOK_SECRET=... model-approval-app`
FROM node:20-slim AS build
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY . .
RUN npm run build

FROM node:20-slim
WORKDIR /app
ENV NODE_ENV=production
# The App's build/ keeps probot and the other packages it imports external. They are
# devDependencies: the published npm package holds only the self-contained dist/ bundles and so
# depends on nothing, which leaves `npm ci --omit=dev` nothing to install here. The image takes the
# build stage's node_modules instead, exactly the versions the lockfile pins and the tests ran.
COPY --from=build /src/node_modules ./node_modules
COPY --from=build /src/build ./build
COPY package.json app.yml ./
USER node
EXPOSE 3000
CMD ["node", "build/app/server.js"]
