import type { Logger } from "@medusajs/framework/types"
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest"
import { startFakeResend, type FakeResend } from "../../../../../integration-tests/fakes/resend-server"
import { renderEmail } from "../../../emails"
import { MASK, sealLink, withOneTimeLinks } from "../../../emails/one-time-links"
import { ResendNotificationProviderService, type ResendOptions } from "../service"

const FROM = "Acme Plumbing <hello@acme-plumbing.test>"

function recordingLogger() {
  const lines: string[] = []
  const log = (line: string) => void lines.push(line)
  const logger = { info: log, warn: log, error: log, debug: log, log } as unknown as Logger
  return { logger, lines }
}

const JWT_SECRET = "unit-test-jwt-secret"

function provider(options: Partial<ResendOptions> = {}) {
  const { logger, lines } = recordingLogger()
  const configModule = { projectConfig: { http: { jwtSecret: JWT_SECRET } } } as never
  const service = new ResendNotificationProviderService({ logger, configModule }, { from: FROM, ...options })
  return { service, lines }
}

const email = (template: string, data: Record<string, unknown>, extra: { from?: string; to?: string } = {}) => ({
  to: extra.to ?? "ana@example.test",
  from: extra.from,
  channel: "email",
  template,
  data,
})

const escapeHtml = (s: string) => s.replace(/&/g, "&amp;")

const cases = [
  {
    template: "account-verification",
    data: { first_name: "Ana", verify_url: "https://portal.acme.test/verify?token=v1&email=ana", expires_in_hours: 24 },
    url: "https://portal.acme.test/verify?token=v1&email=ana",
    subject: "Confirm your email address",
    says: ["Confirm my email", "expires in 24 hours", "sign-in page"],
  },
  {
    template: "password-reset",
    data: { reset_url: "https://portal.acme.test/reset?token=r1", expires_in_minutes: 30 },
    url: "https://portal.acme.test/reset?token=r1",
    subject: "Reset your password",
    says: ["used once", "30 minutes", "nothing changes"],
  },
  {
    template: "password-changed",
    data: { first_name: "Ana", reset_url: "https://portal.acme.test/forgot-password" },
    url: "https://portal.acme.test/forgot-password",
    subject: "Your password was changed",
    says: ["was just changed", "If that was you, there is nothing more to do", "Choose a new password"],
  },
  {
    template: "portal-invite",
    data: { first_name: "Ana", invite_url: "https://portal.acme.test/invite/i1", expires_in_days: 7 },
    url: "https://portal.acme.test/invite/i1",
    subject: "You're invited to the Acme Plumbing customer portal",
    says: ["book visits and manage your bookings", "save payment cards", "find help and contact us", "7 days"],
  },
  {
    template: "confirm-account",
    data: { confirm_url: "https://portal.acme.test/confirm/c1", expires_in_days: 1 },
    url: "https://portal.acme.test/confirm/c1",
    subject: "Confirm your Acme Plumbing account",
    says: ["set a password", "1 day."],
  },
]

describe("Resend notification provider, sending through the real SDK to a fake Resend", () => {
  let fake: FakeResend
  beforeAll(async () => {
    fake = await startFakeResend()
  })
  afterAll(() => fake.close())
  beforeEach(() => {
    fake.emails.length = 0
  })

  it.each(cases)("sends $template", async ({ template, data, url, subject, says }) => {
    const { service } = provider({ api_key: "re_test_123", base_url: fake.url })
    const result = await service.send(email(template, data))

    expect(fake.emails).toHaveLength(1)
    const [received] = fake.emails
    expect(result).toEqual({ id: received.id })
    expect(received.headers.authorization).toBe("Bearer re_test_123")
    expect(received.headers["content-type"]).toBe("application/json")
    expect(received.body).toMatchObject({ from: FROM, to: "ana@example.test", subject })
    expect(received.body.reply_to).toBeUndefined()
    expect(received.body.html).toContain(`href="${escapeHtml(url)}"`)
    expect(received.body.html).toContain("You are receiving this because you have an account with Acme Plumbing.")
    expect(received.body.text).toContain(url)
    for (const phrase of says) expect(received.body.text).toContain(phrase)
    if ("first_name" in data) expect(received.body.text).toContain("Hi Ana,")
  })

  it("passes a per-message from, data.reply_to and attachments through", async () => {
    const { service } = provider({ api_key: "re_test_123", base_url: `${fake.url}/`, reply_to: "office@acme-plumbing.test" })
    await service.send(email("password-reset", { reset_url: "https://x.test/r", expires_in_minutes: 15 }))
    await service.send({
      ...email(
        "password-reset",
        { reset_url: "https://x.test/r", expires_in_minutes: 15, reply_to: "dispatch@acme-plumbing.test" },
        { from: "Billing <billing@acme-plumbing.test>" }
      ),
      attachments: [{ filename: "invoice.pdf", content: "JVBERi0=", content_type: "application/pdf" }],
    })

    expect(fake.emails.map((e) => [e.body.from, e.body.reply_to])).toEqual([
      [FROM, "office@acme-plumbing.test"],
      ["Billing <billing@acme-plumbing.test>", "dispatch@acme-plumbing.test"],
    ])
    expect(fake.emails[1].body.attachments).toEqual([{ filename: "invoice.pdf", content: "JVBERi0=", content_type: "application/pdf" }])
  })

  it("passes provider_data.headers (List-Unsubscribe) to Resend, leaving out any that could smuggle in another header", async () => {
    const { service } = provider({ api_key: "re_test_123", base_url: fake.url })
    await service.send({
      ...email("password-reset", { reset_url: "https://x.test/r", expires_in_minutes: 15 }),
      provider_data: {
        headers: {
          "List-Unsubscribe": "<https://portal.test/unsubscribe?customer=c&kind=reminders&signature=s>",
          "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
          "X-Bad": "a\r\nBcc: someone@evil.test",
          "Bad Name": "x",
        },
      },
    })
    expect(fake.emails[0].body.headers).toEqual({
      "List-Unsubscribe": "<https://portal.test/unsubscribe?customer=c&kind=reminders&signature=s>",
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    })
    await service.send(email("password-reset", { reset_url: "https://x.test/r", expires_in_minutes: 15 }))
    expect(fake.emails[1].body.headers).toBeUndefined()
  })

  it("sends a staff member's message from their name at the business's address, with replies to them", async () => {
    const { service } = provider({ api_key: "re_test_123", base_url: fake.url, reply_to: "office@acme-plumbing.test" })
    await service.send(
      email("staff-message", {
        subject: "About Tuesday",
        body: "We can come earlier.\n\nSee you then.",
        first_name: "Ana",
        sender_name: 'Jo "JJ" Jones',
        reply_to: "jo@acme-plumbing.test",
      })
    )
    const [received] = fake.emails
    expect(received.body.from).toBe('"Jo \\"JJ\\" Jones (Acme Plumbing)" <hello@acme-plumbing.test>')
    expect(received.body.reply_to).toBe("jo@acme-plumbing.test")
    expect(received.body.subject).toBe("About Tuesday")
    expect(received.body.text).toContain("We can come earlier.")
    expect(received.body.text).toContain('Reply to this email to answer Jo "JJ" Jones directly.')
  })

  it("uses business_name when given, else the display name in from", async () => {
    const { service } = provider({ api_key: "re_test_123", base_url: fake.url, business_name: "Acme Plumbing & Heating" })
    await service.send(email("confirm-account", { confirm_url: "https://x.test/c", expires_in_days: 3 }))
    expect(fake.emails[0].body.subject).toBe("Confirm your Acme Plumbing & Heating account")

    const bare = provider({ api_key: "re_test_123", base_url: fake.url, from: "hello@acme-plumbing.test" }).service
    await bare.send(email("confirm-account", { confirm_url: "https://x.test/c", expires_in_days: 3 }))
    expect(fake.emails[1].body.subject).toBe("Confirm your acme-plumbing.test account")
  })

  it("throws Resend's error message when the API refuses the email", async () => {
    const data = { reset_url: "https://x.test/r", expires_in_minutes: 15 }

    const badKey = provider({ api_key: "not-a-resend-key", base_url: fake.url }).service
    await expect(badKey.send(email("password-reset", data))).rejects.toThrow("API key is invalid")

    const { service } = provider({ api_key: "re_test_123", base_url: fake.url })
    await expect(service.send(email("password-reset", data, { to: "" }))).rejects.toThrow("Missing `to` field.")
    await expect(service.send(email("password-reset", data, { from: "not an address" }))).rejects.toThrow(/Invalid `from` field/)
    expect(fake.emails).toHaveLength(0)
  })

  it("tries again with growing waits while Resend has trouble, and sends the email once", async () => {
    fake.attempts.length = 0
    fake.fail("ana@example.test", { mode: "error", status: 500 }, 2)
    const { service, lines } = provider({ api_key: "re_test_123", base_url: fake.url, retry_delay_ms: 40, max_attempts: 3 })
    const result = await service.send({ ...email("password-reset", { reset_url: "https://x.test/r", expires_in_minutes: 15 }), id: "noti_retry" } as never)

    expect(fake.emails).toHaveLength(1)
    expect(result).toEqual({ id: fake.emails[0].id })
    expect(fake.attempts.map((attempt) => attempt.outcome)).toEqual(["failed", "failed", "sent"])
    // The same idempotency key on every try, so Resend never sends a retried email twice.
    expect(new Set(fake.attempts.map((attempt) => attempt.idempotency_key))).toEqual(new Set(["notification/noti_retry"]))
    // 40 ms, then four times as long.
    const [first, second, third] = fake.attempts.map((attempt) => attempt.at)
    expect(second - first).toBeGreaterThanOrEqual(35)
    expect(third - second).toBeGreaterThanOrEqual(155)
    expect(lines.filter((line) => /try 1 of 3|try 2 of 3/.test(line))).toHaveLength(2)
  })

  it("gives up on a Resend that never answers after the last try, each try cut off by the timeout", async () => {
    fake.attempts.length = 0
    fake.fail("ana@example.test", { mode: "hang" })
    const { service } = provider({ api_key: "re_test_123", base_url: fake.url, retry_delay_ms: 10, max_attempts: 2, timeout_ms: 300 })
    const started = Date.now()
    await expect(service.send(email("password-reset", { reset_url: "https://x.test/r", expires_in_minutes: 15 }))).rejects.toThrow(
      "Resend could not send the password-reset email to ana@example.test (2 tries): no answer within 300 ms"
    )
    expect(Date.now() - started).toBeLessThan(3_000)
    expect(fake.attempts.map((attempt) => attempt.outcome)).toEqual(["hung", "hung"])
    expect(fake.emails).toHaveLength(0)
    fake.clearFaults()
  })

  it("does not try again when Resend refuses the email itself", async () => {
    fake.attempts.length = 0
    const { service } = provider({ api_key: "re_test_123", base_url: fake.url, retry_delay_ms: 10 })
    await expect(service.send(email("password-reset", { reset_url: "https://x.test/r", expires_in_minutes: 15 }, { to: "not-an-address" }))).rejects.toThrow(
      /\(1 try\): Invalid `to` field/
    )
    expect(fake.attempts).toHaveLength(1)
  })

  it("without api_key, records the email instead of sending it", async () => {
    const { service, lines } = provider({ base_url: fake.url })
    const result = await service.send(email("portal-invite", { invite_url: "https://x.test/i", expires_in_days: 7 }))

    expect(result.id).toMatch(/^recorded_/)
    expect(lines).toEqual(["Email portal-invite to ana@example.test recorded (RESEND_API_KEY not set)"])
    expect(fake.emails).toHaveLength(0)
  })

  it("opens a stored email's sealed one-time link for Resend, leaving the stored data sealed", async () => {
    const real = "https://portal.acme.test/accept-invite?token=s3cret-Token"
    const stored = withOneTimeLinks({ first_name: "Ana", expires_in_days: 7 }, { invite_url: sealLink(real, JWT_SECRET) })
    const before = JSON.stringify(stored)
    const { service } = provider({ api_key: "re_test_123", base_url: fake.url })
    await service.send(email("portal-invite", stored))

    expect(fake.emails[0].body.text).toContain(real)
    expect(fake.emails[0].body.html).toContain(`href="${real}"`)
    expect(fake.emails[0].body.text).not.toContain(MASK)
    expect(JSON.stringify(stored)).toBe(before)
    expect(before).not.toContain("s3cret-Token")
  })

  it("refuses to send a one-time link sealed with another secret", async () => {
    const stored = withOneTimeLinks({ expires_in_days: 7 }, { invite_url: sealLink("https://p.test/accept-invite?token=t", "an-old-secret") })
    const { service } = provider({ api_key: "re_test_123", base_url: fake.url })
    await expect(service.send(email("portal-invite", stored))).rejects.toThrow("was the JWT secret changed")
    expect(fake.emails).toHaveLength(0)
  })

  it("without api_key, logs a recorded email's one-time link in development only", async () => {
    const real = "https://portal.acme.test/sign-in-link/continue?token=dev-token"
    const stored = withOneTimeLinks({ expires_in_minutes: 15 }, { sign_in_url: sealLink(real, JWT_SECRET) })
    const nodeEnv = process.env.NODE_ENV
    try {
      process.env.NODE_ENV = "production"
      const quiet = provider()
      await quiet.service.send(email("sign-in-link", stored))
      expect(quiet.lines.join("\n")).not.toContain("dev-token")

      process.env.NODE_ENV = "development"
      const dev = provider()
      await dev.service.send(email("sign-in-link", stored))
      expect(dev.lines).toContain(`  its link (shown in development only): ${real}`)
    } finally {
      process.env.NODE_ENV = nodeEnv
    }
  })

  it("keeps base_url per instance, without touching process.env", async () => {
    const other = await startFakeResend()
    try {
      await provider({ api_key: "re_a", base_url: fake.url }).service.send(email("password-reset", { reset_url: "https://x.test/r", expires_in_minutes: 5 }))
      await provider({ api_key: "re_b", base_url: other.url }).service.send(email("password-reset", { reset_url: "https://x.test/r", expires_in_minutes: 5 }))
      expect(fake.emails.map((e) => e.headers.authorization)).toEqual(["Bearer re_a"])
      expect(other.emails.map((e) => e.headers.authorization)).toEqual(["Bearer re_b"])
      expect(process.env.RESEND_BASE_URL).toBeUndefined()
    } finally {
      await other.close()
    }
  })
})

describe("renderEmail", () => {
  const opts = { businessName: "Acme Plumbing" }

  it("is a pure function of template, data and business name", async () => {
    const data = { first_name: "Ana", invite_url: "https://x.test/i", expires_in_days: 7 }
    expect(await renderEmail("portal-invite", data, opts)).toEqual(await renderEmail("portal-invite", { ...data }, opts))
  })

  it("escapes data rather than injecting it as HTML", async () => {
    const { html } = await renderEmail("password-reset", { first_name: "<b>Ana</b>", reset_url: "https://x.test/r", expires_in_minutes: 5 }, opts)
    expect(html).not.toContain("<b>Ana</b>")
    expect(html).toContain("&lt;b&gt;Ana&lt;/b&gt;")
  })

  it("rejects unknown templates and missing or bad data with readable messages", async () => {
    await expect(renderEmail("welcome", {}, opts)).rejects.toThrow(
      'Unknown email template "welcome". Known templates: account-verification, password-reset, sign-in-link, portal-invite, confirm-account'
    )
    await expect(renderEmail("password-reset", { expires_in_minutes: 30 }, opts)).rejects.toThrow('Email template "password-reset": data.reset_url is missing')
    await expect(renderEmail("account-verification", { verify_url: "javascript:alert(1)", expires_in_hours: 1 }, opts)).rejects.toThrow(
      'data.verify_url must be a full http(s) URL, got "javascript:alert(1)"'
    )
    await expect(renderEmail("portal-invite", { invite_url: "https://x.test/i" }, opts)).rejects.toThrow("data.expires_in_days is missing")
    await expect(renderEmail("confirm-account", { confirm_url: "https://x.test/c", expires_in_days: 3 }, { businessName: " " })).rejects.toThrow(
      "businessName is required"
    )
  })

  it("surfaces render errors from send too", async () => {
    const { service } = provider()
    await expect(service.send(email("nope", {}))).rejects.toThrow('Unknown email template "nope"')
  })
})

describe("validateOptions", () => {
  const validate = (options: unknown) => () => ResendNotificationProviderService.validateOptions(options as Record<string, unknown>)

  it("accepts an address or a named address", () => {
    expect(validate({ from: "hello@acme.test" })).not.toThrow()
    expect(validate({ from: "Acme Plumbing <hello@acme.test>", api_key: "re_1", base_url: "http://127.0.0.1:1" })).not.toThrow()
  })

  it("rejects a missing or invalid from", () => {
    expect(validate(undefined)).toThrow("the `from` option is required")
    expect(validate({ api_key: "re_1" })).toThrow("the `from` option is required")
    expect(validate({ from: "acme" })).toThrow('`from` must be an email address or "Name <email>", got "acme"')
    expect(validate({ from: "Acme <hello>" })).toThrow("`from` must be an email address")
    expect(validate({ from: 42 })).toThrow("`from` must be an email address")
  })

  it("rejects a bad reply_to or base_url", () => {
    expect(validate({ from: "hello@acme.test", reply_to: "office" })).toThrow("`reply_to` must be an email address")
    expect(validate({ from: "hello@acme.test", base_url: "not a url" })).toThrow("`base_url` must be a URL")
  })

  it("rejects retry settings that make no sense", () => {
    expect(validate({ from: "hello@acme.test", max_attempts: 0 })).toThrow("`max_attempts` must be a whole number from 1")
    expect(validate({ from: "hello@acme.test", timeout_ms: -1 })).toThrow("`timeout_ms` must be a number of milliseconds")
    expect(validate({ from: "hello@acme.test", retry_delay_ms: "soon" })).toThrow("`retry_delay_ms` must be a number of milliseconds")
  })

  it("is also enforced when the provider is constructed", () => {
    const { logger } = recordingLogger()
    expect(() => new ResendNotificationProviderService({ logger }, { from: "" })).toThrow("the `from` option is required")
  })
})
