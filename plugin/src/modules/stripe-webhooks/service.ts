import type { Context } from "@medusajs/framework/types"
import { InjectManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import { sqlManager } from "../../utils/sql-manager"
import StripeWebhookEvent from "./models/stripe-webhook-event"

/** A delivery still being handled after this long is taken to have died with its process. */
const CLAIM_TIMEOUT_SECONDS = 120

export type EventClaim =
  /** This delivery handles the event. */
  | { claimed: true }
  /** Already handled, or being handled right now by another delivery. */
  | { claimed: false; reason: "processed" | "in_progress" }

class StripeWebhooksModuleService extends MedusaService({ StripeWebhookEvent }) {
  /**
   * Records a delivery of `event` and claims it for handling, atomically: of two deliveries of the
   * same event (a replay, or Stripe retrying while the first is still running) only one is handled.
   */
  @InjectManager()
  async claimEvent(
    event: { id: string; type: string; livemode: boolean; object_id: string | null },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<EventClaim> {
    const manager = sqlManager(sharedContext)
    const inserted = await manager.execute(
      `INSERT INTO stripe_webhook_event (id, type, livemode, object_id, deliveries, claimed_at, created_at, updated_at)
       VALUES (?, ?, ?, ?, 1, now(), now(), now())
       ON CONFLICT (id) DO NOTHING RETURNING id`,
      [event.id, event.type, event.livemode, event.object_id]
    )
    if (inserted.length) return { claimed: true }
    const [row] = await manager.execute(
      `UPDATE stripe_webhook_event SET deliveries = deliveries + 1, updated_at = now(),
         claimed_at = CASE WHEN processed_at IS NULL AND (claimed_at IS NULL OR claimed_at < now() - make_interval(secs => ?))
                           THEN now() ELSE claimed_at END
       WHERE id = ?
       RETURNING processed_at, claimed_at = now() AS claimed`,
      [CLAIM_TIMEOUT_SECONDS, event.id]
    )
    if (!row) return { claimed: false, reason: "in_progress" }
    if (row.processed_at) return { claimed: false, reason: "processed" }
    return row.claimed ? { claimed: true } : { claimed: false, reason: "in_progress" }
  }

  /** The delivery failed: free the event so Stripe's next retry handles it. */
  @InjectManager()
  async releaseEvent(id: string, error: string | null, @MedusaContext() sharedContext: Context = {}) {
    await sqlManager(sharedContext).execute(
      `UPDATE stripe_webhook_event SET claimed_at = NULL, last_error = ?, updated_at = now() WHERE id = ? AND processed_at IS NULL`,
      [error, id]
    )
  }

  @InjectManager()
  async markEventProcessed(id: string, outcome: string, @MedusaContext() sharedContext: Context = {}) {
    await sqlManager(sharedContext).execute(
      `UPDATE stripe_webhook_event SET processed_at = now(), claimed_at = NULL, outcome = ?, last_error = NULL, updated_at = now() WHERE id = ?`,
      [outcome, id]
    )
  }
}

export default StripeWebhooksModuleService
