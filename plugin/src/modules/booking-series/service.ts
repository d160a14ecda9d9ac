import type { Context, InferTypeOf } from "@medusajs/framework/types"
import { InjectManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import { sqlManager } from "../../utils/sql-manager"
import BookingSeries from "./models/booking-series"

/** A series row as the module reads it (JSON columns typed). */
export type SeriesRecord = Omit<InferTypeOf<typeof BookingSeries>, "pauses" | "contact" | "raw_count"> & {
  pauses: { from: string; to: string }[] | null
  contact: Record<string, unknown> | null
}

class BookingSeriesModuleService extends MedusaService({ BookingSeries }) {
  async retrieveSeries(id: string): Promise<SeriesRecord> {
    return (await this.retrieveBookingSeries(id)) as unknown as SeriesRecord
  }

  /** The customer's own series (anyone else's: null). */
  async findOwnSeries(customerId: string, id: string): Promise<SeriesRecord | null> {
    const [series] = await this.listBookingSeries({ id, customer_id: customerId }, { take: 1 })
    return (series as unknown as SeriesRecord) ?? null
  }

  /** Marks series booked up to `date` (YYYY-MM-DD) in one statement: the rolling job does a page of them at a time. */
  @InjectManager()
  async setBookedUntil(ids: string[], date: string, @MedusaContext() sharedContext: Context = {}): Promise<void> {
    if (!ids.length) return
    await sqlManager(sharedContext).execute(
      `UPDATE booking_series SET booked_until = ?, updated_at = now() WHERE id IN (SELECT jsonb_array_elements_text(?::jsonb)) AND deleted_at IS NULL`,
      [date, JSON.stringify(ids)]
    )
  }
}

export default BookingSeriesModuleService
