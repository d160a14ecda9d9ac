import { model } from "@medusajs/framework/utils"

/**
 * A Stripe event we received (its `evt_…` id is the key), so a redelivered or replayed event is
 * recognised and changes nothing the second time.
 */
const StripeWebhookEvent = model
  .define("stripe_webhook_event", {
    id: model.text().primaryKey(),
    type: model.text(),
    livemode: model.boolean().default(false),
    /** The object the event is about (pi_…, seti_…, pm_…, cus_…). */
    object_id: model.text().nullable(),
    /** How many times Stripe (or anyone with the secret) delivered it. */
    deliveries: model.number().default(1),
    /** Set while one delivery is being handled, so a parallel delivery of the same event waits its turn. */
    claimed_at: model.dateTime().nullable(),
    processed_at: model.dateTime().nullable(),
    /** What happened: the Medusa action taken, or why nothing was done. */
    outcome: model.text().nullable(),
    last_error: model.text().nullable(),
  })
  .indexes([{ on: ["type", "created_at"] }])

export default StripeWebhookEvent
