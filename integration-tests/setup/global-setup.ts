import { appendFileSync } from "node:fs"
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises"
import os from "node:os"
import path from "node:path"
import type { TestProject } from "vitest/node"
// @ts-expect-error plain ESM helpers shared with `npm run dev`
import { startTestDatabase, freePort } from "../../scripts/lib/database.mjs"
// @ts-expect-error plain ESM helpers shared with `npm run dev`
import { buildAdmin, buildPortal, DEMO, migrate, readPortalKey, ROOT, seed, startMedusa, startPortal } from "../../scripts/lib/stack.mjs"
import { startFakeOAuth } from "../fakes/oauth-server"
import { startFakeResend } from "../fakes/resend-server"
import { startFakeStripe } from "../fakes/stripe-server"
import { startFaultControl } from "./fault-control"
import { startJobRunner } from "./job-runner"
import { startTurns, turnTimesSummary } from "./turns"

declare module "vitest" {
  export interface ProvidedContext {
    backendUrl: string
    portalUrl: string
    publishableKey: string
    databaseUrl: string
    oauthUrl: string
    stripe: { url: string; secretKey: string; publishableKey: string; webhookSecret: string }
    resendUrl: string
    demo: { adminEmail: string; adminPassword: string; customerEmail: string; customerPassword: string }
    /** Faults (issue #13): stops and starts the test database's PostgreSQL (fault-control.ts). */
    faultControlUrl: string
    /** The scheduled jobs, run on request with a pinned clock (support/jobs.ts). */
    jobRunnerUrl: string
    /** Gives each test file its turn: alongside another file or alone (turns.ts). */
    turnsUrl: string
  }
}

type Stoppable = { stop: () => Promise<void> }

/**
 * Boots the product once for every HTTP and browser test: a throw-away PostgreSQL database,
 * migrations, the demo seeds, the Medusa server (with its admin) and the built portal.
 */
export default async function setup(project: TestProject) {
  const started: Stoppable[] = []
  const logs: string[] = []
  // TEST_SERVER_LOG=<file> keeps the whole server output, for reading what a failing test's request did.
  const collect = (chunk: Buffer) => {
    if (process.env.TEST_SERVER_LOG) appendFileSync(process.env.TEST_SERVER_LOG, chunk)
    logs.push(chunk.toString())
    if (logs.length > 400) logs.splice(0, logs.length - 400)
  }
  const tmpDir = await mkdtemp(path.join(os.tmpdir(), "fieldservice-test-"))
  const teardown = async () => {
    for (const item of started.reverse()) await item.stop().catch((error: unknown) => console.error(error))
    await rm(tmpDir, { recursive: true, force: true })
  }
  try {
    const database = await startTestDatabase({ tmpDir, log: () => {} })
    started.push(database)
    const t0 = Date.now()
    // Stripe's API, on this machine: saved cards and card payments go through the real SDK to it.
    const stripe = await startFakeStripe()
    started.push({ stop: () => stripe.close() })
    const stripeEnv = { STRIPE_API_KEY: stripe.secretKey, STRIPE_WEBHOOK_SECRET: stripe.webhookSecret, STRIPE_API_BASE: stripe.url }
    // The admin and the portal are built while the database is migrated and seeded.
    const builds = Promise.all([buildAdmin(), buildPortal()])
    builds.catch(() => undefined)
    await migrate(database.url)
    // With Stripe configured the seeds offer card payments in the demo region.
    await seed(database.url, { env: stripeEnv })
    await builds
    const publishableKey: string = await readPortalKey(database.url)
    const medusaPort: number = await freePort()
    const portalPort: number = await freePort()
    const backendUrl = `http://localhost:${medusaPort}`
    const portalUrl = `http://localhost:${portalPort}`
    // Google and Facebook, speaking their real OAuth protocols, on this machine.
    const oauth = await startFakeOAuth()
    started.push({ stop: () => oauth.close() })
    // Resend's API, on this machine: emails go out through the real SDK and tests can read what was sent.
    const resend = await startFakeResend()
    started.push({ stop: () => resend.close() })
    // Outside development Medusa serves the admin's production build (buildAdmin).
    const appEnv: Record<string, string> = {
      NODE_ENV: "test",
      ADMIN_CORS: backendUrl,
      AUTH_CORS: `${backendUrl},${portalUrl}`,
      STORE_CORS: portalUrl,
      MEDUSA_BACKEND_URL: backendUrl,
      PORTAL_URL: portalUrl,
      GOOGLE_CLIENT_ID: oauth.google.clientId,
      GOOGLE_CLIENT_SECRET: oauth.google.clientSecret,
      GOOGLE_AUTHORIZE_URL: oauth.google.authorizeUrl,
      GOOGLE_TOKEN_URL: oauth.google.tokenUrl,
      GOOGLE_JWKS_URL: oauth.google.jwksUrl,
      GOOGLE_ISSUER: oauth.google.issuer,
      FACEBOOK_APP_ID: oauth.facebook.clientId,
      FACEBOOK_APP_SECRET: oauth.facebook.clientSecret,
      FACEBOOK_DIALOG_URL: oauth.facebook.dialogBaseUrl,
      FACEBOOK_GRAPH_URL: oauth.facebook.graphBaseUrl,
      RESEND_API_KEY: "re_test_integration",
      RESEND_BASE_URL: resend.url,
      // --- Faults (issue #13): a failing Resend is retried quickly here, and a hung try cut off soon.
      RESEND_MAX_ATTEMPTS: "3",
      RESEND_RETRY_DELAY_MS: "200",
      RESEND_TIMEOUT_MS: "2000",
      // --- end faults
      // Visit reminders only when a test runs the job (with its pinned clock).
      VISIT_REMINDERS_SCHEDULED: "false",
      ...stripeEnv,
      // The customer page's "Add card" form (Stripe.js stand-in, as the portal's).
      STRIPE_PUBLISHABLE_KEY: stripe.publishableKey,
      STRIPE_JS_URL: stripe.jsUrl,
    }
    // Medusa, the portal and the jobs' process load at the same time (the portal's pages wait for Medusa).
    // Each is kept for the teardown as soon as it is up, whichever fails.
    const kept = <T extends Stoppable>(starting: Promise<T>) => starting.then((item) => (started.push(item), item))
    const jobsStarting = kept(startJobRunner({ root: ROOT, env: { ...appEnv, DATABASE_URL: database.url }, output: collect }))
    const results = await Promise.allSettled([
      jobsStarting,
      kept(startMedusa({ databaseUrl: database.url, port: medusaPort, mode: "start", output: collect, env: appEnv })),
      kept(
        startPortal({
          backendUrl,
          publishableKey,
          port: portalPort,
          mode: "production",
          output: collect,
          // Stripe.js can't load offline: the fake serves a test-mode stand-in for it.
          // The portal believes forwarded headers only from 127.0.0.1, as from its load balancer;
          // tests calling from other loopback addresses are browsers it must not believe.
          env: { STRIPE_PUBLISHABLE_KEY: stripe.publishableKey, STRIPE_JS_URL: stripe.jsUrl, TRUSTED_PROXIES: "127.0.0.1" },
        })
      ),
    ])
    const failedStart = results.find((result) => result.status === "rejected")
    if (failedStart) throw failedStart.reason
    const jobs = await jobsStarting
    console.log(`Test stack ready in ${Math.round((Date.now() - t0) / 1000)}s: Medusa ${backendUrl}, portal :${portalPort}`)

    project.provide("backendUrl", backendUrl)
    project.provide("portalUrl", portalUrl)
    project.provide("oauthUrl", oauth.url)
    project.provide("resendUrl", resend.url)
    project.provide("stripe", { url: stripe.url, secretKey: stripe.secretKey, publishableKey: stripe.publishableKey, webhookSecret: stripe.webhookSecret })
    project.provide("publishableKey", publishableKey)
    project.provide("databaseUrl", database.url)
    project.provide("demo", DEMO)
    project.provide("jobRunnerUrl", jobs.url)
    // --- Faults (issue #13): lets a test stop PostgreSQL and start it again under the running app.
    const faults = await startFaultControl(database)
    started.push({ stop: () => faults.close() })
    project.provide("faultControlUrl", faults.url)
    // --- end faults
    const turns = await startTurns()
    started.push({
      stop: async () => {
        const times = turns.times()
        if (times.length) {
          console.log(turnTimesSummary(times))
          await mkdir(path.join(ROOT, ".tmp"), { recursive: true })
          await writeFile(path.join(ROOT, ".tmp", "turns.json"), JSON.stringify(times, null, 2)).catch(() => undefined)
        }
        await turns.close()
      },
    })
    project.provide("turnsUrl", turns.url)
  } catch (error) {
    console.error(logs.join("").slice(-8000))
    await teardown()
    throw error
  }
  return teardown
}
