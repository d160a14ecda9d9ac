import { randomUUID } from "node:crypto"
import { AbstractNotificationProviderService, MedusaError } from "@medusajs/framework/utils"
import type { Logger, ProviderSendNotificationDTO, ProviderSendNotificationResultsDTO } from "@medusajs/framework/types"
import { Resend } from "resend"
import { renderEmail } from "../../emails"

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
}

const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/
const NAMED_EMAIL = /^([^<>]*?)\s*<([^\s@<>]+@[^\s@<>]+\.[^\s@<>]+)>$/

const isAddress = (value: unknown): value is string =>
  typeof value === "string" && (EMAIL.test(value.trim()) || NAMED_EMAIL.test(value.trim()))

function invalid(message: string): never {
  throw new MedusaError(MedusaError.Types.INVALID_DATA, `Resend notification provider: ${message}`)
}

/** The address part of `from` ("Acme <hello@acme.test>" → "hello@acme.test"). */
function sendingAddress(from: string): string {
  return NAMED_EMAIL.exec(from.trim())?.[2] ?? from.trim()
}

/** A display name as RFC 5322 wants it: quoted, since names like "Jo (Acme)" hold special characters. */
const quotedName = (name: string) => `"${name.replace(/[\\"]/g, (char) => `\\${char}`).replace(/[\r\n]+/g, " ").trim()}"`

function defaultBusinessName(from: string): string {
  const named = NAMED_EMAIL.exec(from.trim())
  const name = named?.[1]?.replace(/^"|"$/g, "").trim()
  return name || (named?.[2] ?? from.trim()).split("@")[1]
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
  }

  protected readonly logger_: Logger
  protected readonly options_: ResendOptions
  protected readonly businessName_: string
  protected readonly client_: Resend | null

  constructor({ logger }: { logger: Logger }, options: ResendOptions) {
    super()
    ResendNotificationProviderService.validateOptions(options)
    this.logger_ = logger
    this.options_ = options
    this.businessName_ = options.business_name?.trim() || defaultBusinessName(options.from)
    // base_url goes to the SDK's constructor option, so no process.env is touched and instances stay independent.
    this.client_ = options.api_key
      ? new Resend(options.api_key, { baseUrl: options.base_url ? options.base_url.replace(/\/+$/, "") : undefined })
      : null
  }

  async send(notification: ProviderSendNotificationDTO): Promise<ProviderSendNotificationResultsDTO> {
    const { to, template } = notification
    const data = notification.data ?? {}
    const email = await renderEmail(template, data, { businessName: this.businessName_ })

    if (!this.client_) {
      this.logger_.info(`Email ${template} to ${to} recorded (RESEND_API_KEY not set)`)
      return { id: `recorded_${randomUUID()}` }
    }

    const replyTo = typeof data.reply_to === "string" && data.reply_to.trim() ? data.reply_to.trim() : this.options_.reply_to
    const { data: sent, error } = await this.client_.emails.send({
      from: this.fromFor(notification),
      to,
      subject: email.subject,
      html: email.html,
      text: email.text,
      ...(replyTo ? { replyTo } : {}),
      ...(notification.attachments?.length
        ? {
            attachments: notification.attachments.map((a) => ({
              filename: a.filename,
              content: a.content,
              contentType: a.content_type,
            })),
          }
        : {}),
    })
    if (error || !sent) {
      throw new Error(`Resend could not send the ${template} email: ${error?.message ?? "no id in the response"}`)
    }
    return { id: sent.id }
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
