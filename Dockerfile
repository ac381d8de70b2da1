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
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund
COPY --from=build /src/build ./build
COPY app.yml ./
USER node
EXPOSE 3000
CMD ["node", "build/app/server.js"]
