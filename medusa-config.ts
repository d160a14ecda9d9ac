import { ContainerRegistrationKeys, defineConfig, loadEnv, Modules } from "@medusajs/framework/utils"

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
          providers: [{ resolve: "@medusajs/caching-redis", id: "caching-redis", is_default: true, options: { redisUrl: REDIS_URL } }],
        },
      },
      {
        resolve: "@medusajs/medusa/locking",
        options: {
          providers: [{ resolve: "@medusajs/medusa/locking-redis", id: "locking-redis", is_default: true, options: { redisUrl: REDIS_URL } }],
        },
      },
    ]
  : []

const BUSINESS_NAME = process.env.BUSINESS_NAME || "Brightside Home Services"
const env = (name: string) => process.env[name] || undefined

// Social logins appear only when their keys are configured. The URL overrides exist so
// tests (and staging) can point the real protocols at another server.
const google = env("GOOGLE_CLIENT_ID")
  ? {
      resolve: "@fieldservice/medusa-portal/providers/google",
      id: "google",
      options: {
        clientId: env("GOOGLE_CLIENT_ID"),
        clientSecret: env("GOOGLE_CLIENT_SECRET"),
        callbackUrl: `${PORTAL_URL}/auth/google/callback`,
        authorizeUrl: env("GOOGLE_AUTHORIZE_URL"),
        tokenUrl: env("GOOGLE_TOKEN_URL"),
        jwksUrl: env("GOOGLE_JWKS_URL"),
        issuer: env("GOOGLE_ISSUER"),
      },
    }
  : null
const facebook = env("FACEBOOK_APP_ID")
  ? {
      resolve: "@fieldservice/medusa-portal/providers/facebook",
      id: "facebook",
      options: {
        clientId: env("FACEBOOK_APP_ID"),
        clientSecret: env("FACEBOOK_APP_SECRET"),
        callbackUrl: `${PORTAL_URL}/auth/facebook/callback`,
        dialogBaseUrl: env("FACEBOOK_DIALOG_URL"),
        graphBaseUrl: env("FACEBOOK_GRAPH_URL"),
      },
    }
  : null
const socialProviders = [google, facebook].filter((provider) => provider !== null)

// Saved cards and card payments for bookings, through Stripe, only when its keys are configured;
// without them bookings are paid on the day (Medusa's system provider, always there).
// STRIPE_API_BASE points the Stripe SDK at another server (the tests' local fake).
const stripePayments = env("STRIPE_API_KEY")
  ? [
      {
        resolve: "@medusajs/medusa/payment",
        options: {
          providers: [
            {
              // id "stripe": provider pp_stripe_stripe, Medusa's own webhook path /hooks/payment/stripe_stripe.
              resolve: "@fieldservice/medusa-portal/providers/stripe",
              id: "stripe",
              options: {
                apiKey: env("STRIPE_API_KEY"),
                webhookSecret: env("STRIPE_WEBHOOK_SECRET"),
                apiBaseUrl: env("STRIPE_API_BASE"),
                // The card form staff use on a customer's page ("Add card").
                publishableKey: env("STRIPE_PUBLISHABLE_KEY"),
                jsUrl: env("STRIPE_JS_URL"),
                // Authorized when booked, captured once the visit is done.
                capture: false,
              },
            },
          ],
        },
      },
    ]
  : []

const localFiles = {
  resolve: "@medusajs/medusa/file-local",
  id: "local",
  options: {
    backend_url: `${ADMIN_URL.replace(/\/$/, "")}/static`,
    private_upload_dir: process.env.PRIVATE_UPLOAD_DIR || "uploads/private",
  },
}
const s3Files = env("FILE_S3_BUCKET")
  ? {
      resolve: "@medusajs/medusa/file-s3",
      id: "s3",
      options: {
        bucket: env("FILE_S3_BUCKET"),
        region: env("FILE_S3_REGION") || "auto",
        access_key_id: env("FILE_S3_ACCESS_KEY_ID"),
        secret_access_key: env("FILE_S3_SECRET_ACCESS_KEY"),
        // S3-compatible stores (R2, MinIO, Spaces) and the tests' fake: their own endpoint, path-style.
        endpoint: env("FILE_S3_ENDPOINT"),
        file_url: env("FILE_S3_URL") || env("FILE_S3_ENDPOINT") || "https://s3.amazonaws.com",
        prefix: env("FILE_S3_PREFIX"),
        additional_client_config: { forcePathStyle: env("FILE_S3_FORCE_PATH_STYLE") === "true" },
      },
    }
  : null

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
      authMethodsPerActor: {
        user: ["emailpass"],
        customer: ["emailpass", "booking-number", "magic-link", ...socialProviders.map((provider) => provider.id)],
      },
      cookieSecret: process.env.COOKIE_SECRET || "supersecret",
    },
  },
  admin: {
    disable: process.env.MEDUSA_ADMIN_DISABLED === "true" || process.env.MEDUSA_WORKER_MODE === "worker",
    backendUrl: process.env.MEDUSA_BACKEND_URL,
  },
  featureFlags: REDIS_URL ? { caching: true } : {},
  plugins: [
    // Gift cards and store credit (issue #20): the gift-card product becomes a gift card when its
    // order is placed; gift cards and store credit pay carts. Gift vouchers are built on it.
    { resolve: "@medusajs/loyalty-plugin", options: {} },
    {
      // The product, installed the way a business installs it: from its built package.
      resolve: "@fieldservice/medusa-portal",
      options: {
        portalUrl: PORTAL_URL,
        // Where "new portal booking" emails go, and the clock bookings are offered in.
        businessEmail: process.env.BUSINESS_EMAIL || "office@brightside.example",
        // Shown in emails and their previews in the communication log (the Resend provider's business_name).
        businessName: BUSINESS_NAME,
        timeZone: process.env.BUSINESS_TIME_ZONE || "Europe/London",
        // The portal signs the browser's address with this secret; the login limits believe only
        // that, or X-Forwarded-For from the proxies listed in TRUSTED_PROXIES.
        portalSigningSecret: env("PORTAL_SIGNING_SECRET"),
        trustedProxies: env("TRUSTED_PROXIES"),
        cms: {
          databaseUrl: process.env.CMS_DATABASE_URL || process.env.DATABASE_URL,
          secret: process.env.CMS_SECRET || process.env.COOKIE_SECRET || "supersecret",
        },
      },
    },
  ],
  modules: [
    {
      resolve: "@medusajs/medusa/auth",
      dependencies: [Modules.CACHE, ContainerRegistrationKeys.LOGGER],
      options: {
        providers: [
          { resolve: "@medusajs/medusa/auth-emailpass", id: "emailpass" },
          { resolve: "@fieldservice/medusa-portal/providers/booking-number", id: "booking-number" },
          // "Email me a sign-in link": single-use links valid for 15 minutes.
          { resolve: "@fieldservice/medusa-portal/providers/magic-link", id: "magic-link" },
          ...socialProviders,
        ],
      },
    },
    {
      resolve: "@medusajs/medusa/notification",
      options: {
        providers: [
          {
            // Without RESEND_API_KEY emails are recorded (the admin's notifications list) instead of sent.
            resolve: "@fieldservice/medusa-portal/providers/resend",
            id: "resend",
            options: {
              channels: ["email"],
              api_key: env("RESEND_API_KEY"),
              base_url: env("RESEND_BASE_URL"),
              from: process.env.RESEND_FROM || `${BUSINESS_NAME} <bookings@brightside.example>`,
              reply_to: env("RESEND_REPLY_TO"),
              business_name: BUSINESS_NAME,
              // --- Faults (issue #13): retries of a failing Resend, and how long one try may take.
              max_attempts: env("RESEND_MAX_ATTEMPTS") ? Number(env("RESEND_MAX_ATTEMPTS")) : undefined,
              retry_delay_ms: env("RESEND_RETRY_DELAY_MS") ? Number(env("RESEND_RETRY_DELAY_MS")) : undefined,
              timeout_ms: env("RESEND_TIMEOUT_MS") ? Number(env("RESEND_TIMEOUT_MS")) : undefined,
              // --- end faults
            },
          },
          { resolve: "@medusajs/medusa/notification-local", id: "feed", options: { channels: ["feed"] } },
        ],
      },
    },
    {
      // Customers' files (profile pictures, dependents' photos, booking photos and PDFs, data
      // exports, import uploads) are all stored private and streamed by routes that check whose
      // they are. Locally: ./uploads/private, which nothing serves. With FILE_S3_BUCKET: S3 (or any
      // S3-compatible store) with private ACLs.
      resolve: "@medusajs/medusa/file",
      options: { providers: [s3Files ?? localFiles] },
    },
    {
      // The customer's own tax: the region's rates, except for customers staff marked tax-exempt or
      // gave a special rate (customer page → Billing/tax). Tax regions use it as provider
      // tp_fieldservice_customer (the seeds and the customer-tax migration script set it).
      resolve: "@medusajs/medusa/tax",
      options: { providers: [{ resolve: "@fieldservice/medusa-portal/providers/customer-tax", id: "customer" }] },
    },
    ...stripePayments,
    ...redisModules,
  ],
})
