import { randomUUID } from "node:crypto"
import { AbstractNotificationProviderService, MedusaError } from "@medusajs/framework/utils"
import type { ConfigModule, Logger, ProviderSendNotificationDTO, ProviderSendNotificationResultsDTO } from "@medusajs/framework/types"
import { Resend } from "resend"
import { renderEmail } from "../../emails"
import { linkSecret, openOneTimeLinks } from "../../emails/one-time-links"

export type ResendOptions = {
  /** Without it, emails are rendered and recorded but not sent. */
  api_key?: string
  /** "billing@example.com" or "Acme Plumbing <billing@example.com>". */
  from: string
  reply_to?: string
  /** Shown in the header, footer and some subjects; defaults to the display name in `from`, else its domain. */
  business_name?: string
  /** Resend API base URL, e.g. a fake server in tests; defaults to RESEND_BASE_URL or https://api.resend.com. */
  base_url?: string
  /** Tries per email before it is recorded as failed (default 3). */
  max_attempts?: number
  /** The wait before the second try; each later wait is four times the one before (default 1,000 ms: 1 s, 4 s, …). */
  retry_delay_ms?: number
  /** How long one try may take before it is given up and counted as failed (default 10,000 ms). */
  timeout_ms?: number
}

const DEFAULT_MAX_ATTEMPTS = 3
const DEFAULT_RETRY_DELAY_MS = 1_000
const DEFAULT_TIMEOUT_MS = 10_000
const BACKOFF_FACTOR = 4

/** Resend's answers worth another try: no answer at all, a timeout, rate limiting, its own errors. */
const isTransient = (statusCode: number | null | undefined) =>
  statusCode === null || statusCode === undefined || statusCode === 408 || statusCode === 409 || statusCode === 429 || statusCode >= 500

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/
const NAMED_EMAIL = /^([^<>]*?)\s*<([^\s@<>]+@[^\s@<>]+\.[^\s@<>]+)>$/

const isAddress = (value: unknown): value is string => typeof value === "string" && (EMAIL.test(value.trim()) || NAMED_EMAIL.test(value.trim()))

function invalid(message: string): never {
  throw new MedusaError(MedusaError.Types.INVALID_DATA, `Resend notification provider: ${message}`)
}

/** The address part of `from` ("Acme <hello@acme.test>" → "hello@acme.test"). */
function sendingAddress(from: string): string {
  return NAMED_EMAIL.exec(from.trim())?.[2] ?? from.trim()
}

/** A display name as RFC 5322 wants it: quoted, since names like "Jo (Acme)" hold special characters. */
const quotedName = (name: string) =>
  `"${name
    .replace(/[\\"]/g, (char) => `\\${char}`)
    .replace(/[\r\n]+/g, " ")
    .trim()}"`

function defaultBusinessName(from: string): string {
  const named = NAMED_EMAIL.exec(from.trim())
  const name = named?.[1]?.replace(/^"|"$/g, "").trim()
  return name || (named?.[2] ?? from.trim()).split("@")[1]
}

/**
 * Headers a sender asks for in `provider_data.headers` (e.g. List-Unsubscribe): text values only,
 * and no line breaks, so nothing can smuggle another header in.
 */
function extraHeaders(providerData: Record<string, unknown> | null | undefined): Record<string, string> | null {
  const given = providerData?.headers
  if (!given || typeof given !== "object") return null
  const entries = Object.entries(given as Record<string, unknown>).filter(
    (entry): entry is [string, string] => /^[A-Za-z0-9-]+$/.test(entry[0]) && typeof entry[1] === "string" && !/[\r\n]/.test(entry[1])
  )
  return entries.length ? Object.fromEntries(entries) : null
}

export class ResendNotificationProviderService extends AbstractNotificationProviderService {
  static identifier = "resend"

  static validateOptions(options: Record<string, unknown> | undefined): void {
    const { from, reply_to, api_key, base_url, business_name } = options ?? {}
    if (from === undefined || from === null || from === "") invalid("the `from` option is required")
    if (!isAddress(from)) invalid(`\`from\` must be an email address or "Name <email>", got ${JSON.stringify(from)}`)
    if (reply_to !== undefined && !isAddress(reply_to)) invalid(`\`reply_to\` must be an email address, got ${JSON.stringify(reply_to)}`)
    if (api_key !== undefined && typeof api_key !== "string") invalid("`api_key` must be a string")
    if (business_name !== undefined && typeof business_name !== "string") invalid("`business_name` must be a string")
    if (base_url !== undefined && (typeof base_url !== "string" || !URL.canParse(base_url))) {
      invalid(`\`base_url\` must be a URL, got ${JSON.stringify(base_url)}`)
    }
    const { max_attempts, retry_delay_ms, timeout_ms } = options ?? {}
    if (max_attempts !== undefined && (!Number.isInteger(max_attempts) || (max_attempts as number) < 1)) {
      invalid(`\`max_attempts\` must be a whole number from 1, got ${JSON.stringify(max_attempts)}`)
    }
    for (const [name, value] of [
      ["retry_delay_ms", retry_delay_ms],
      ["timeout_ms", timeout_ms],
    ] as const) {
      if (value !== undefined && (typeof value !== "number" || !Number.isFinite(value) || value < 0)) {
        invalid(`\`${name}\` must be a number of milliseconds, got ${JSON.stringify(value)}`)
      }
    }
  }

  protected readonly logger_: Logger
  protected readonly options_: ResendOptions
  protected readonly businessName_: string
  protected readonly client_: Resend | null
  /** Opens the sealed one-time links in stored emails (the JWT secret; Medusa hands the config to providers). */
  protected readonly linkSecret_: string

  constructor({ logger, configModule }: { logger: Logger; configModule?: Pick<ConfigModule, "projectConfig"> }, options: ResendOptions) {
    super()
    ResendNotificationProviderService.validateOptions(options)
    this.logger_ = logger
    this.linkSecret_ = linkSecret(configModule)
    this.options_ = options
    this.businessName_ = options.business_name?.trim() || defaultBusinessName(options.from)
    // base_url goes to the SDK's constructor option, so no process.env is touched and instances stay independent.
    this.client_ = options.api_key ? new Resend(options.api_key, { baseUrl: options.base_url ? options.base_url.replace(/\/+$/, "") : undefined }) : null
  }

  async send(notification: ProviderSendNotificationDTO): Promise<ProviderSendNotificationResultsDTO> {
    const { to, template } = notification
    // Opened in a copy: the Notification module saves back the record it handed over.
    const { data, opened } = openOneTimeLinks(notification.data ?? {}, this.linkSecret_)
    const email = await renderEmail(template, data, { businessName: this.businessName_ })

    if (!this.client_) {
      this.logger_.info(`Email ${template} to ${to} recorded (RESEND_API_KEY not set)`)
      // Stored emails show one-time links masked; a developer without Resend gets them here instead.
      if (process.env.NODE_ENV === "development") opened.forEach((link) => this.logger_.info(`  its link (shown in development only): ${link}`))
      return { id: `recorded_${randomUUID()}` }
    }

    const headers = extraHeaders(notification.provider_data)
    const replyTo = typeof data.reply_to === "string" && data.reply_to.trim() ? data.reply_to.trim() : this.options_.reply_to
    const payload = {
      from: this.fromFor(notification),
      to,
      subject: email.subject,
      html: email.html,
      text: email.text,
      ...(replyTo ? { replyTo } : {}),
      ...(headers ? { headers } : {}),
      ...(notification.attachments?.length
        ? {
            attachments: notification.attachments.map((a) => ({
              filename: a.filename,
              content: a.content,
              contentType: a.content_type,
            })),
          }
        : {}),
    }
    // The Notification module hands over its record, id included, though the type leaves it out.
    const notificationId = (notification as ProviderSendNotificationDTO & { id?: string }).id
    return { id: await this.sendWithRetries(payload, notificationId, template, to) }
  }

  /**
   * One email, tried up to `max_attempts` times with growing waits in between while Resend has
   * no answer, times out or has trouble of its own (5xx, 429). Every try carries the same
   * idempotency key, so a try that timed out after Resend took the email doesn't send it twice.
   * Throws after the last try; the Notification module then records the email as failed.
   */
  private async sendWithRetries(payload: Parameters<Resend["emails"]["send"]>[0], notificationId: string | undefined, template: string, to: string) {
    const attempts = this.options_.max_attempts ?? DEFAULT_MAX_ATTEMPTS
    const timeoutMs = this.options_.timeout_ms ?? DEFAULT_TIMEOUT_MS
    let wait = this.options_.retry_delay_ms ?? DEFAULT_RETRY_DELAY_MS
    const idempotencyKey = notificationId ? `notification/${notificationId}` : `email/${randomUUID()}`
    let reason = ""
    for (let attempt = 1; attempt <= attempts; attempt++) {
      const signal = AbortSignal.timeout(timeoutMs)
      const { data: sent, error } = await this.client_!.emails.send(payload, { idempotencyKey, signal })
      if (sent?.id && !error) return sent.id
      const timedOut = signal.aborted
      reason = timedOut ? `no answer within ${timeoutMs} ms` : (error?.message ?? "no id in the response")
      const statusCode = timedOut ? null : (error as { statusCode?: number | null } | null)?.statusCode
      if (!isTransient(statusCode) || attempt === attempts) {
        throw new Error(`Resend could not send the ${template} email to ${to} (${attempt} ${attempt === 1 ? "try" : "tries"}): ${reason}`)
      }
      this.logger_.warn(`Resend could not send the ${template} email to ${to} (try ${attempt} of ${attempts}: ${reason}); trying again in ${wait} ms`)
      await sleep(wait)
      wait *= BACKOFF_FACTOR
    }
    throw new Error(`Resend could not send the ${template} email to ${to}: ${reason}`)
  }

  /**
   * Who the email is from: a per-message `from`, else the business's sending address, shown
   * with `data.sender_name` as "<sender> (<business>)" when a staff member wrote the email.
   */
  fromFor(notification: Pick<ProviderSendNotificationDTO, "from" | "data">): string {
    if (notification.from?.trim()) return notification.from.trim()
    const sender = notification.data?.sender_name
    if (typeof sender !== "string" || !sender.trim()) return this.options_.from
    return `${quotedName(`${sender.trim()} (${this.businessName_})`)} <${sendingAddress(this.options_.from)}>`
  }
}

export default ResendNotificationProviderService
