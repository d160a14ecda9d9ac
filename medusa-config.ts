import { defineConfig, loadEnv } from "@medusajs/framework/utils"

loadEnv(process.env.NODE_ENV || "development", process.cwd())

const REDIS_URL = process.env.REDIS_URL
const PORTAL_URL = process.env.PORTAL_URL || "http://localhost:8000"
const ADMIN_URL = process.env.MEDUSA_BACKEND_URL || "http://localhost:9000"

// Scale-out mode: with REDIS_URL the event bus, workflow engine, caching and locking
// are shared through Redis so several `server` and `worker` instances can run together.
const redisModules = REDIS_URL
  ? [
      { resolve: "@medusajs/medusa/event-bus-redis", options: { redisUrl: REDIS_URL } },
      { resolve: "@medusajs/medusa/workflow-engine-redis", options: { redis: { redisUrl: REDIS_URL } } },
      {
        resolve: "@medusajs/medusa/caching",
        options: {
          providers: [
            { resolve: "@medusajs/caching-redis", id: "caching-redis", is_default: true, options: { redisUrl: REDIS_URL } },
          ],
        },
      },
      {
        resolve: "@medusajs/medusa/locking",
        options: {
          providers: [
            { resolve: "@medusajs/medusa/locking-redis", id: "locking-redis", is_default: true, options: { redisUrl: REDIS_URL } },
          ],
        },
      },
    ]
  : []

module.exports = defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    redisUrl: REDIS_URL,
    workerMode: (process.env.MEDUSA_WORKER_MODE as "shared" | "worker" | "server") || "shared",
    http: {
      storeCors: process.env.STORE_CORS || PORTAL_URL,
      adminCors: process.env.ADMIN_CORS || ADMIN_URL,
      authCors: process.env.AUTH_CORS || `${PORTAL_URL},${ADMIN_URL}`,
      jwtSecret: process.env.JWT_SECRET || "supersecret",
      cookieSecret: process.env.COOKIE_SECRET || "supersecret",
    },
  },
  admin: {
    disable: process.env.MEDUSA_ADMIN_DISABLED === "true" || process.env.MEDUSA_WORKER_MODE === "worker",
    backendUrl: process.env.MEDUSA_BACKEND_URL,
  },
  featureFlags: REDIS_URL ? { caching: true } : {},
  plugins: [
    {
      // The product, installed the way a business installs it: from its built package.
      resolve: "@fieldservice/medusa-portal",
      options: {
        portalUrl: PORTAL_URL,
        cms: {
          databaseUrl: process.env.CMS_DATABASE_URL || process.env.DATABASE_URL,
          secret: process.env.CMS_SECRET || process.env.COOKIE_SECRET || "supersecret",
        },
      },
    },
  ],
  modules: redisModules,
})
