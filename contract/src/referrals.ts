// Referral rewards (issue #20): a customer invites friends with their own link; the friend gets a
// welcome discount on their first booking, and the referrer store credit once that visit is done.
import { z } from "zod"

/** signed_up: waiting for the friend's first visit; refused: a self-referral; revoked: staff took the reward back. */
export const REFERRAL_STATUSES = ["signed_up", "rewarded", "refused", "revoked"] as const
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number]

export type ReferralSettings = {
  enabled: boolean
  /** The friend's first booking: a percentage off, or an amount off (major units). */
  welcome_discount_type: "percentage" | "amount"
  welcome_discount_value: number
  /** Store credit for the referrer once the friend's first visit is done (major units). */
  reward_amount: number
  currency_code: string
}
export type AdminReferralSettingsResponse = { settings: ReferralSettings }

export const referralSettingsUpdate = z
  .object({
    enabled: z.boolean({ error: "enabled must be true or false" }).optional(),
    welcome_discount_type: z.enum(["percentage", "amount"], { error: "welcome_discount_type must be 'percentage' or 'amount'" }).optional(),
    welcome_discount_value: z
      .number({ error: "The welcome discount must be a number" })
      .min(0, "The welcome discount can't be negative")
      .max(10000, "The welcome discount is too large")
      .optional(),
    reward_amount: z.number({ error: "The reward must be a number" }).min(0, "The reward can't be negative").max(10000, "The reward is too large").optional(),
    currency_code: z
      .string({ error: "currency_code must be a 3-letter currency code" })
      .trim()
      .regex(/^[a-zA-Z]{3}$/, "currency_code must be a 3-letter currency code, like gbp")
      .transform((code) => code.toLowerCase())
      .optional(),
  })
  .strict()
  .refine((value) => value.welcome_discount_type !== "percentage" || value.welcome_discount_value === undefined || value.welcome_discount_value <= 100, {
    message: "A percentage discount can be at most 100",
    path: ["welcome_discount_value"],
  })
export type ReferralSettingsUpdate = z.infer<typeof referralSettingsUpdate>

/** A friend the customer referred, as the customer sees them: first name only. */
export type StoreReferral = { id: string; first_name: string; status: ReferralStatus; reward_amount: number | null; created_at: string }

export type StoreReferralsResponse = {
  enabled: boolean
  code: string
  /** `<portal>/sign-up?ref=<code>` */
  link_path: string
  settings: Pick<ReferralSettings, "welcome_discount_type" | "welcome_discount_value" | "reward_amount" | "currency_code">
  referrals: StoreReferral[]
}

export type StoreCreditBalance = { currency_code: string; balance: number }
export type StoreCreditResponse = { store_credit: StoreCreditBalance[] }

/** Staff's view of one referral, from either side. */
export type AdminReferral = {
  id: string
  referrer: { id: string; name: string; email: string }
  referred: { id: string; name: string; email: string }
  status: ReferralStatus
  reason: string | null
  reward_amount: number | null
  currency_code: string | null
  rewarded_at: string | null
  revoked_at: string | null
  created_at: string
}
export type AdminCustomerReferralsResponse = { code: string | null; referred_by: AdminReferral | null; referred: AdminReferral[] }
export type AdminReferralResponse = { referral: AdminReferral }
export const referralRevoke = z
  .object({ reason: z.string({ error: "reason must be text" }).trim().max(500, "The reason can be at most 500 characters").optional() })
  .strict()
