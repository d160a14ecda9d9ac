import { model } from "@medusajs/framework/utils"
import { PAYMENT_TERMS } from "@fieldservice/contract"

/** Settings → Billing: one row. The seller's details are copied onto each invoice when it is made. */
const BillingSettings = model.define("billing_settings", {
  id: model.id({ prefix: "bills" }).primaryKey(),
  invoice_prefix: model.text().default("INV-{YYYY}-"),
  credit_note_prefix: model.text().default("CN-{YYYY}-"),
  issue_on_completion: model.boolean().default(true),
  default_terms: model.enum([...PAYMENT_TERMS]).default("net_14"),
  default_terms_days: model.number().nullable(),
  seller: model.json().nullable(),
})

export default BillingSettings
