// Gift vouchers (issue #20): bought in the portal, delivered on a chosen day, held in the portal.
// Each voucher is a gift card of @medusajs/loyalty-plugin (its code and its balance, kept by the
// plugin's store credit account); what a voucher adds is ours: who bought it for whom, the message,
// the delivery day and, for a service voucher, the services it pays for.

/** "amount": a value to spend; "services": pays for these services whenever they are booked. */
export type GiftVoucherKind = "amount" | "services"

/** scheduled: paid, waiting for its delivery day; active: delivered, with something left to spend. */
export const GIFT_VOUCHER_STATUSES = ["scheduled", "active", "used", "expired", "disabled"] as const
export type GiftVoucherStatus = (typeof GIFT_VOUCHER_STATUSES)[number]

/** A service a voucher pays for, at its price when the voucher was bought. */
export type GiftVoucherService = {
  product_id: string
  variant_id: string
  title: string
  option_title: string
  /** The price when bought (major units, as every amount here). */
  price: number
  /** Booked with the voucher: the booking it paid for. */
  booking_id: string | null
}

/** What the buy page offers: the business's settings (Settings → Gift vouchers) and the terms. */
export type StoreGiftVoucherOptions = {
  enabled: boolean
  currency_code: string
  /** The amounts offered as buttons (£25, £50, £100). */
  amounts: number[]
  /** Any other amount within these limits. */
  min_amount: number
  max_amount: number
  /** How long a voucher can be used, counted from its delivery day. */
  validity_months: number
  /** How far ahead the delivery day may be. */
  max_delivery_days: number
  services: { product_id: string; handle: string; title: string; variant_id: string; option_title: string; price: number }[]
  /** The "Gift voucher terms" entry of Help content, agreed to before paying. */
  terms: { slug: string; title: string; body: string; version: string } | null
  card_payments: boolean
}
export type StoreGiftVoucherOptionsResponse = { options: StoreGiftVoucherOptions }

export type StoreGiftVoucher = {
  id: string
  kind: GiftVoucherKind
  status: GiftVoucherStatus
  /** The code to book with; shown to the buyer and to whoever holds it. */
  code: string | null
  currency_code: string
  value: number
  /** What is left (the plugin's store credit account); the value until it is first used. */
  balance: number
  services: GiftVoucherService[]
  recipient_name: string
  recipient_email: string
  message: string | null
  /** The business's calendar day it is (or was) emailed, YYYY-MM-DD. */
  deliver_on: string
  delivered_at: string | null
  expires_at: string | null
  /** The customer bought it (the "Bought" list); false for one only added by its code. */
  bought: boolean
  /** It is in this customer's account (added by its code, or given to them by staff). */
  held: boolean
  order_id: string | null
  /** What it paid for: each booking and how much (bookings cancelled since gave it back and are left out). Only to whoever holds it. */
  spent: { booking_id: string; booking_number: string; service_title: string; amount: number; at: string }[]
  /** The buyer's invoice for it (only to the buyer). */
  invoice_id: string | null
  created_at: string
}

/** GET /store/portal/gift-vouchers: the customer's vouchers, those bought and those held. */
export type StoreGiftVoucherListResponse = { bought: StoreGiftVoucher[]; held: StoreGiftVoucher[] }
/** GET /store/portal/gift-vouchers/:id, POST /store/portal/gift-vouchers (201), POST …/add (200). */
export type StoreGiftVoucherResponse = { gift_voucher: StoreGiftVoucher }

/** Settings → Gift vouchers (GET and POST /admin/gift-vouchers/settings). */
export type GiftVoucherSettings = {
  enabled: boolean
  amounts: number[]
  min_amount: number
  max_amount: number
  validity_months: number
  /** The services sold as vouchers; null: every published service. */
  service_ids: string[] | null
}
export type AdminGiftVoucherSettingsResponse = { settings: GiftVoucherSettings }

// ---- Staff side (issue #20 item 5): /admin/gift-vouchers ----

export const GIFT_VOUCHER_STATUS_LABELS: Record<GiftVoucherStatus, string> = {
  scheduled: "Scheduled",
  active: "Active",
  used: "Used",
  expired: "Expired",
  disabled: "Disabled",
}

/** A customer a voucher names: who bought it, whose account holds it. */
export type AdminGiftVoucherPerson = { id: string; name: string; email: string | null }

/** One row of the staff Gift vouchers list. */
export type AdminGiftVoucherSummary = {
  id: string
  /** null until the loyalty plugin has made its gift card (a bought voucher, moments after the order). */
  code: string | null
  kind: GiftVoucherKind
  status: GiftVoucherStatus
  currency_code: string
  value: number
  balance: number
  recipient_name: string
  recipient_email: string
  buyer: AdminGiftVoucherPerson | null
  holder: AdminGiftVoucherPerson | null
  deliver_on: string
  delivered_at: string | null
  expires_at: string | null
  created_at: string
}

/** GET /admin/gift-vouchers?status&kind&q&customer_id&limit&offset → newest first. */
export type AdminGiftVoucherListResponse = { gift_vouchers: AdminGiftVoucherSummary[]; count: number; limit: number; offset: number }

/** A line of the voucher's balance: what was put on it and what was spent (the store credit account's ledger). */
export type AdminGiftVoucherTransaction = {
  id: string
  type: "credit" | "debit"
  amount: number
  /** What it was for: "gift_card" (the voucher's value), an order or a cart when spent… */
  reference: string
  reference_id: string
  note: string | null
  created_at: string
}

export type AdminGiftVoucher = AdminGiftVoucherSummary & {
  message: string | null
  services: GiftVoucherService[]
  order_id: string | null
  /** The staff member who issued it by hand; null for one bought in the portal. */
  issued_by: { id: string; name: string | null; email: string | null } | null
  /** Staff's own note about it (never shown to the customer). */
  note: string | null
  disabled_at: string | null
  transactions: AdminGiftVoucherTransaction[]
}
/** GET /admin/gift-vouchers/:id, POST /admin/gift-vouchers (201), POST /admin/gift-vouchers/:id. */
export type AdminGiftVoucherResponse = { gift_voucher: AdminGiftVoucher }
