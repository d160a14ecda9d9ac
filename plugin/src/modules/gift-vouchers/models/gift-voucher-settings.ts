import { model } from "@medusajs/framework/utils"

/** Settings → Gift vouchers; one row (made on first read). Amounts in major units of the store's currency. */
const GiftVoucherSettings = model.define("gift_voucher_settings", {
  id: model.id({ prefix: "gvset" }).primaryKey(),
  enabled: model.boolean().default(true),
  amounts: model.json().default([25, 50, 100] as never),
  min_amount: model.number().default(10),
  max_amount: model.number().default(500),
  /** Counted from the delivery day. */
  validity_months: model.number().default(12),
  /** The services sold as vouchers; null: every published service. */
  service_ids: model.json().nullable(),
})

export default GiftVoucherSettings
