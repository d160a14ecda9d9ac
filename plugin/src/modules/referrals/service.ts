import { randomBytes } from "node:crypto"
import type { Context } from "@medusajs/framework/types"
import { InjectManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import type { ReferralSettings as Settings } from "@fieldservice/contract"
import { sqlManager } from "../../utils/sql-manager"
import Referral from "./models/referral"
import ReferralCode from "./models/referral-code"
import ReferralSettings from "./models/referral-settings"

/** What a business starts with until staff save Settings → Referrals. */
export const DEFAULT_REFERRAL_SETTINGS: Settings = {
  enabled: true,
  welcome_discount_type: "percentage",
  welcome_discount_value: 10,
  reward_amount: 10,
  currency_code: "gbp",
}

// 32 letters with no 0/O or 1/I: read aloud or copied by hand without mistakes.
const CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"

/**
 * 12 letters of a 32-letter alphabet (60 bits from crypto.randomBytes: each byte's low 5 bits, so
 * every letter is equally likely), in three groups of four: "KQ7M-3XHD-P9TW".
 */
export function newReferralCode(): string {
  const bytes = randomBytes(12)
  const letters = [...bytes].map((byte) => CODE_ALPHABET[byte & 31])
  return [0, 4, 8].map((at) => letters.slice(at, at + 4).join("")).join("-")
}

/** The portal forgives spaces, missing dashes and lower case. */
export function normalizeReferralCode(raw: string): string | null {
  const letters = raw.toUpperCase().replace(/[^A-Z0-9]/g, "")
  if (letters.length !== 12) return null
  return [0, 4, 8].map((at) => letters.slice(at, at + 4)).join("-")
}

class ReferralsModuleService extends MedusaService({ Referral, ReferralCode, ReferralSettings }) {
  async getReferralSettings(): Promise<Settings & { id: string | null }> {
    const [row] = await this.listReferralSettings({}, { take: 1, order: { created_at: "ASC" } })
    if (!row) return { id: null, ...DEFAULT_REFERRAL_SETTINGS }
    return {
      id: row.id,
      enabled: row.enabled,
      welcome_discount_type: row.welcome_discount_type,
      welcome_discount_value: Number(row.welcome_discount_value),
      reward_amount: Number(row.reward_amount),
      currency_code: row.currency_code,
    }
  }

  /** The customer's invite code, made on first need (two requests at once agree on one). */
  @InjectManager()
  async codeFor(customerId: string, @MedusaContext() sharedContext: Context = {}): Promise<string> {
    const sql = sqlManager(sharedContext)
    for (let attempt = 0; attempt < 5; attempt++) {
      const [existing] = await sql.execute(`SELECT code FROM referral_code WHERE customer_id = ? AND deleted_at IS NULL`, [customerId])
      if (existing) return existing.code as string
      const id = `refcode_${randomBytes(13).toString("hex")}`
      await sql.execute(`INSERT INTO referral_code (id, customer_id, code) VALUES (?, ?, ?) ON CONFLICT DO NOTHING`, [id, customerId, newReferralCode()])
    }
    throw new Error(`No referral code could be made for ${customerId}`)
  }

  /** Whose code this is, if anyone's. */
  async ownerOfCode(raw: string): Promise<string | null> {
    const code = normalizeReferralCode(raw)
    if (!code) return null
    const [row] = await this.listReferralCodes({ code }, { take: 1 })
    return row?.customer_id ?? null
  }

  /**
   * Moves a referral from `from` to the status given, once: true for the one caller that did it,
   * so two completions at once reward once.
   */
  @InjectManager()
  async claimStatus(id: string, from: string, to: string, @MedusaContext() sharedContext: Context = {}): Promise<boolean> {
    const rows = await sqlManager(sharedContext).execute(
      `UPDATE referral SET status = ?, updated_at = now() WHERE id = ? AND status = ? AND deleted_at IS NULL RETURNING id`,
      [to, id, from]
    )
    return rows.length > 0
  }
}

export default ReferralsModuleService
