import { model } from "@medusajs/framework/utils"

/**
 * What a gift voucher adds to its @medusajs/loyalty-plugin gift card (which keeps the code, the
 * value, the expiry and, through its store credit account, the balance): who bought it for whom,
 * the message, the delivery day and, for a service voucher, the services it pays for. Bought
 * vouchers find their gift card by the order's line item, as the plugin makes it when the order is placed.
 */
const GiftVoucher = model
  .define("gift_voucher", {
    id: model.id({ prefix: "gvou" }).primaryKey(),
    kind: model.enum(["amount", "services"]),
    currency_code: model.text(),
    value: model.bigNumber(),
    /** GiftVoucherService[]: the services and their prices when bought; booking_id once used. */
    services: model.json().nullable(),
    buyer_customer_id: model.text().nullable(),
    /** The customer whose account holds it (added by its code, or given by staff). */
    holder_customer_id: model.text().nullable(),
    recipient_name: model.text(),
    recipient_email: model.text(),
    message: model.text().nullable(),
    /** The business's calendar day it is emailed, YYYY-MM-DD. */
    deliver_on: model.text(),
    delivered_at: model.dateTime().nullable(),
    order_id: model.text().nullable(),
    line_item_id: model.text().nullable(),
    gift_card_id: model.text().nullable(),
    /** The buyer's form key: the same purchase sent twice is charged once. */
    idempotency_key: model.text().nullable(),
    disabled_at: model.dateTime().nullable(),
    /** The staff user who issued it by hand (Gift vouchers → Issue voucher); null when bought. */
    issued_by: model.text().nullable(),
    /** Staff's own note; never shown to the customer. */
    note: model.text().nullable(),
  })
  .indexes([
    { on: ["buyer_customer_id", "created_at"], where: "deleted_at IS NULL" },
    { on: ["holder_customer_id"], where: "deleted_at IS NULL" },
    { on: ["deliver_on"], where: "deleted_at IS NULL AND delivered_at IS NULL" },
    { on: ["gift_card_id"], unique: true, where: "deleted_at IS NULL AND gift_card_id IS NOT NULL" },
    { on: ["line_item_id"], unique: true, where: "deleted_at IS NULL AND line_item_id IS NOT NULL" },
    { on: ["buyer_customer_id", "idempotency_key"], unique: true, where: "deleted_at IS NULL AND idempotency_key IS NOT NULL" },
  ])

export default GiftVoucher
