import type { Context } from "@medusajs/framework/types"
import { InjectManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import Booking from "./models/booking"
import BookingAttachment from "./models/booking-attachment"
import { sqlManager } from "../../utils/sql-manager"

class BookingModuleService extends MedusaService({ Booking, BookingAttachment }) {
  /**
   * Cancels the booking if it is still at `starts_at` and not cancelled, in one statement, so two
   * cancellations (or a cancellation racing a reschedule) cannot both go through. False when it
   * had changed.
   */
  @InjectManager()
  async cancelIfUnchanged(
    input: { id: string; starts_at: Date; cancelled_by: string; cancellation_reason: string | null },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<boolean> {
    const rows = await sqlManager(sharedContext).execute(
      `UPDATE booking SET status = 'cancelled', cancelled_at = now(), cancelled_by = ?, cancellation_reason = ?, updated_at = now()
        WHERE id = ? AND starts_at = ? AND status IN ('requested', 'confirmed') AND deleted_at IS NULL RETURNING id`,
      [input.cancelled_by, input.cancellation_reason, input.id, input.starts_at]
    )
    return rows.length === 1
  }

  /**
   * Moves the booking to a new time if it is still at `from_starts_at` and not cancelled, in one
   * statement (see cancelIfUnchanged). The arrival window's end is kept in `location`.
   */
  @InjectManager()
  async moveIfUnchanged(
    input: { id: string; from_starts_at: Date; starts_at: Date; ends_at: Date; window_ends_at: Date },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<boolean> {
    const rows = await sqlManager(sharedContext).execute(
      `UPDATE booking SET starts_at = ?, ends_at = ?, reschedule_count = reschedule_count + 1, updated_at = now(),
              location = jsonb_set(coalesce(location, '{}'::jsonb), '{window_ends_at}', to_jsonb(?::text))
        WHERE id = ? AND starts_at = ? AND status IN ('requested', 'confirmed') AND deleted_at IS NULL RETURNING id`,
      [input.starts_at, input.ends_at, input.window_ends_at.toISOString(), input.id, input.from_starts_at]
    )
    return rows.length === 1
  }

  /**
   * Removes a booking still held for its card payment (requested, no order) in one statement, so
   * the confirm route, Stripe's event and the expiry job (on any instance) let it go once. Its
   * files go with it. Null when it was confirmed or removed meanwhile.
   */
  @InjectManager()
  async deleteHeldBooking(id: string, @MedusaContext() sharedContext: Context = {}): Promise<{ product_id: string | null; starts_at: Date } | null> {
    const sql = sqlManager(sharedContext)
    const rows = await sql.execute(
      `WITH held AS (
         SELECT id FROM booking WHERE id = ? AND status = 'requested' AND order_id IS NULL AND deleted_at IS NULL FOR UPDATE
       ), files AS (
         DELETE FROM booking_attachment WHERE booking_id IN (SELECT id FROM held)
       )
       DELETE FROM booking WHERE id IN (SELECT id FROM held) RETURNING product_id, starts_at`,
      [id]
    )
    const row = rows[0] as { product_id: string | null; starts_at: Date | string } | undefined
    return row ? { product_id: row.product_id, starts_at: new Date(row.starts_at) } : null
  }

  /**
   * Another open visit of the fieldworker overlapping [starts_at, ends_at), if any. Uses the
   * (fieldworker_id, starts_at) index: only visits starting within a day before can overlap.
   */
  async findFieldworkerClash(input: { fieldworker_id: string; booking_id: string; starts_at: Date; ends_at: Date }) {
    const [clash] = await this.listBookings(
      {
        fieldworker_id: input.fieldworker_id,
        id: { $ne: input.booking_id },
        status: { $ne: "cancelled" },
        starts_at: { $lt: input.ends_at, $gt: new Date(input.starts_at.getTime() - LONGEST_VISIT_MS) },
        ends_at: { $gt: input.starts_at },
      },
      { take: 1, order: { starts_at: "ASC" } }
    )
    return clash ?? null
  }
}

/** No visit lasts longer than a day, which bounds the overlap search. */
const LONGEST_VISIT_MS = 24 * 60 * 60 * 1000

export default BookingModuleService
