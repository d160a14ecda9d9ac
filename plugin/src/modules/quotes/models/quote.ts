import { QUOTE_DEPOSIT_KINDS, QUOTE_STATUSES } from "@fieldservice/contract"
import { model } from "@medusajs/framework/utils"
import QuoteAcceptance from "./quote-acceptance"
import QuoteEvent from "./quote-event"
import QuoteVersion from "./quote-version"

/**
 * A priced proposal for a customer. Its content lives in versions: the latest sent one is what the
 * customer sees and may accept; a revision after sending is a new draft version. Medusa's order is
 * made only when an accepted quote becomes a visit (docs/decisions/quotes.md).
 */
const Quote = model
  .define("quote", {
    id: model.id({ prefix: "quo" }).primaryKey(),
    /** Given when first sent, from a database sequence (quote_number_seq), so never used twice. */
    number: model.text().nullable(),
    status: model.enum([...QUOTE_STATUSES]).default("draft"),
    title: model.text(),
    customer_id: model.text(),
    business_profile_id: model.text().nullable(),
    /** The customer's saved location (a customer address) the work is at. */
    address_id: model.text().nullable(),
    currency_code: model.text(),
    /** Last day it may be accepted (YYYY-MM-DD, the business's calendar). */
    expires_on: model.text().nullable(),
    deposit_kind: model.enum([...QUOTE_DEPOSIT_KINDS]).default("none"),
    /** An amount in the currency, or a percent of the accepted total. */
    deposit_value: model.bigNumber().nullable(),
    bill_to: model.json(),
    seller: model.json(),
    /** The first option's required total of the latest version, kept in step by the workflows, for lists. */
    total: model.bigNumber().default(0),
    /** The latest sent version's number (0 before the first send). */
    current_version: model.number().default(0),
    sent_at: model.dateTime().nullable(),
    viewed_at: model.dateTime().nullable(),
    created_by: model.text().nullable(),
    versions: model.hasMany(() => QuoteVersion, { mappedBy: "quote" }),
    events: model.hasMany(() => QuoteEvent, { mappedBy: "quote" }),
    acceptance: model.hasOne(() => QuoteAcceptance, { mappedBy: "quote" }).nullable(),
  })
  .indexes([
    { on: ["number"], unique: true, where: "number IS NOT NULL AND deleted_at IS NULL" },
    { on: ["customer_id", "created_at"] },
    { on: ["status", "expires_on"] },
    { on: ["created_at"] },
    { on: ["total"] },
  ])

export default Quote
