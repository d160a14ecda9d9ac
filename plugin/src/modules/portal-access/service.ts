import { createHash, randomBytes } from "node:crypto"
import type { Context, DAL } from "@medusajs/framework/types"
import { InjectManager, MedusaContext, MedusaError, MedusaService } from "@medusajs/framework/utils"
import AccountToken, { type AccountTokenPurpose } from "./models/account-token"
import EmailRequest from "./models/email-request"
import LoginFailure from "./models/login-failure"
import PortalLogin from "./models/portal-login"
import PortalSettings from "./models/portal-settings"
import { EMAIL_REQUEST_LIMITS, type Limit, LOGIN_LIMITS, retryAfterSeconds } from "./rate-limits"
import { sqlManager } from "../../utils/sql-manager"
import type { ChangePolicy } from "../booking/change-policy"
import { resolveNoticeSettings, type NoticeSettings } from "@fieldservice/contract"

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex")

export type TokenProblem = "token_invalid" | "token_expired" | "token_used"

const PROBLEM_MESSAGES: Record<TokenProblem, string> = {
  token_invalid: "This link is not valid. Check that you copied the whole link, or ask for a new one.",
  token_expired: "This link has expired. Ask for a new one and use it within its time limit.",
  token_used: "This link has already been used. Sign in, or ask for a new link.",
}

export class AccountTokenError extends MedusaError {
  constructor(public readonly code: TokenProblem) {
    super(MedusaError.Types.INVALID_DATA, PROBLEM_MESSAGES[code], code)
  }
}

/** The plugin's options, which Medusa hands to each of the plugin's modules. */
export type PortalOptions = {
  portalUrl?: string
  businessEmail?: string
  businessName?: string
  /** Shared with the portal, which signs the browser's address with it (PORTAL_SIGNING_SECRET). */
  portalSigningSecret?: string
  /** Proxies (addresses or CIDR ranges) whose X-Forwarded-For is believed (TRUSTED_PROXIES). */
  trustedProxies?: string | string[]
}

/** Who may tell the API a client's address, and how. */
export type ClientAddressSettings = { portalSigningSecret: string | null; trustedProxies: string[] }

type RateKey = { email?: string | null; ip?: string | null }

class PortalAccessModuleService extends MedusaService({ PortalSettings, AccountToken, LoginFailure, EmailRequest, PortalLogin }) {
  protected baseRepository_: DAL.RepositoryService
  private readonly portalUrl_: string
  /** The office's address for "new portal booking" and similar emails; null when not configured. */
  readonly businessEmail: string | null
  /** The business's name as emails show it (the same as the Resend provider's `business_name`). */
  readonly businessName: string
  readonly clientAddressSettings: ClientAddressSettings

  constructor(dependencies: { baseRepository: DAL.RepositoryService }, options: PortalOptions = {}) {
    // eslint-disable-next-line prefer-rest-params
    super(...arguments)
    this.baseRepository_ = dependencies.baseRepository
    this.portalUrl_ = (options.portalUrl || process.env.PORTAL_URL || "http://localhost:8000").replace(/\/$/, "")
    this.businessEmail = options.businessEmail || process.env.BUSINESS_EMAIL || null
    this.businessName = options.businessName?.trim() || process.env.BUSINESS_NAME?.trim() || "Our team"
    const proxies = options.trustedProxies ?? process.env.TRUSTED_PROXIES ?? []
    this.clientAddressSettings = {
      portalSigningSecret: options.portalSigningSecret || process.env.PORTAL_SIGNING_SECRET || null,
      trustedProxies: (Array.isArray(proxies) ? proxies : proxies.split(",")).map((entry) => entry.trim()).filter(Boolean),
    }
  }

  /** An absolute link into the customer portal, for emails. */
  portalLink(path: string, params: Record<string, string> = {}) {
    const url = new URL(path, this.portalUrl_ + "/")
    for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value)
    return url.toString()
  }

  /** The portal switches; the row is created with its defaults on first read. */
  async getSettings() {
    const [settings] = await this.listPortalSettings({}, { take: 1, order: { created_at: "ASC" } })
    return settings ?? (await this.createPortalSettings({}))
  }

  /** Which events make a portal notification and which also send an email. */
  async getNoticeSettings(): Promise<NoticeSettings> {
    return resolveNoticeSettings((await this.getSettings()).notices as Parameters<typeof resolveNoticeSettings>[0])
  }

  /**
   * Sign-ins per day from `from` (inclusive) for `days` days, days cut in the business's time zone:
   * one indexed range scan on created_at.
   */
  @InjectManager()
  async dailyPortalLogins(from: Date, to: Date, timeZone: string, @MedusaContext() sharedContext: Context = {}) {
    const manager = sqlManager(sharedContext)
    const rows = await manager.execute(
      // The rollup's extra row (day null) is the whole period: its distinct customers can't be summed from the days'.
      `select l.day, count(*)::int as count, count(distinct l.customer_id)::int as customers
         from (select to_char(created_at at time zone ?, 'YYYY-MM-DD') as day, customer_id
                 from portal_login where created_at >= ? and created_at < ? and deleted_at is null) l
        group by rollup (l.day)`,
      [timeZone, from, to]
    )
    return rows as { day: string | null; count: number; customers: number }[]
  }

  /** The cancellation and reschedule rules customers see, and how to reach the office. */
  async getChangePolicy(): Promise<ChangePolicy> {
    const settings = await this.getSettings()
    return {
      cancellation_cutoff_hours: settings.cancellation_cutoff_hours,
      reschedule_cutoff_hours: settings.reschedule_cutoff_hours,
      cancellation_policy: settings.cancellation_policy,
      office_phone: settings.office_phone ?? null,
      office_email: settings.office_email ?? this.businessEmail,
    }
  }

  /**
   * A new single-use link token. Earlier unused tokens for the same purpose stop working,
   * so only the newest email's link is valid.
   */
  async issueAccountToken(input: { customer_id: string; email: string; purpose: AccountTokenPurpose; ttl_ms: number }) {
    const token = randomBytes(32).toString("base64url")
    await this.revokeAccountTokens(input.customer_id, input.purpose)
    const record = await this.createAccountTokens({
      customer_id: input.customer_id,
      email: input.email,
      purpose: input.purpose,
      token_hash: hashToken(token),
      expires_at: new Date(Date.now() + input.ttl_ms),
    })
    return { token, record }
  }

  @InjectManager()
  async revokeAccountTokens(customerId: string, purpose: AccountTokenPurpose, @MedusaContext() sharedContext: Context = {}) {
    const manager = sqlManager(sharedContext)
    await manager.execute(
      `update account_token set expires_at = now() where customer_id = ? and purpose = ? and used_at is null and expires_at > now() and deleted_at is null`,
      [customerId, purpose]
    )
  }

  /**
   * Marks the token used and returns it, in one statement so two clicks on the same link
   * cannot both succeed. Throws an AccountTokenError saying why a token is refused.
   */
  @InjectManager()
  async consumeAccountToken(token: string, purpose: AccountTokenPurpose, @MedusaContext() sharedContext: Context = {}) {
    const manager = sqlManager(sharedContext)
    const hash = hashToken(token)
    const [used] = await manager.execute(
      `update account_token set used_at = now(), updated_at = now()
        where token_hash = ? and purpose = ? and used_at is null and expires_at > now() and deleted_at is null
        returning id, customer_id, email`,
      [hash, purpose]
    )
    if (used) return used as { id: string; customer_id: string; email: string }
    const [existing] = await this.listAccountTokens({ token_hash: hash, purpose })
    if (!existing) throw new AccountTokenError("token_invalid")
    throw new AccountTokenError(existing.used_at ? "token_used" : "token_expired")
  }

  /** Undoes a consumption (workflow compensation). */
  async releaseAccountToken(id: string) {
    await this.updateAccountTokens({ id, used_at: null })
  }

  async recordLoginFailure(input: { email?: string | null; ip?: string | null; method: string }) {
    await this.createLoginFailures({ email: input.email?.toLowerCase() ?? null, ip: input.ip ?? null, method: input.method })
  }

  /**
   * When the email or the client address has used up its failed attempts, the seconds until
   * it may try again; otherwise null.
   */
  async loginRetryAfter(input: RateKey) {
    return this.retryAfter_("login_failure", LOGIN_LIMITS, input)
  }

  async recordEmailRequest(input: { email: string; ip?: string | null; kind: string }) {
    await this.createEmailRequests({ email: input.email.toLowerCase(), ip: input.ip ?? null, kind: input.kind })
  }

  /** Like loginRetryAfter, for requests that send an email. */
  async emailRequestRetryAfter(input: RateKey) {
    return this.retryAfter_("email_request", EMAIL_REQUEST_LIMITS, input)
  }

  @InjectManager()
  protected async retryAfter_(
    table: "login_failure" | "email_request",
    limits: { email: Limit; ip: Limit },
    input: RateKey,
    @MedusaContext() sharedContext: Context = {}
  ) {
    const manager = sqlManager(sharedContext)
    const now = Date.now()
    let wait: number | null = null
    for (const [column, value] of [
      ["email", input.email?.toLowerCase()],
      ["ip", input.ip],
    ] as const) {
      if (!value) continue
      const limit = limits[column]
      const rows = await manager.execute(
        `select created_at from ${table} where ${column} = ? and created_at > ? and deleted_at is null
          order by created_at desc limit ${limit.max}`,
        [value, new Date(now - limit.windowMs)]
      )
      const seconds = retryAfterSeconds(
        rows.map((row) => new Date(row.created_at as string)),
        limit,
        now
      )
      if (seconds !== null) wait = Math.max(wait ?? 0, seconds)
    }
    return wait
  }

  /** A successful login forgives that email's earlier failures (the IP's still count). */
  @InjectManager()
  async clearLoginFailures(email: string, @MedusaContext() sharedContext: Context = {}) {
    const manager = sqlManager(sharedContext)
    await manager.execute(`delete from login_failure where email = ?`, [email.toLowerCase()])
  }
}

export default PortalAccessModuleService
