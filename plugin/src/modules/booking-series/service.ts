import type { InferTypeOf } from "@medusajs/framework/types"
import { MedusaService } from "@medusajs/framework/utils"
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
}

export default BookingSeriesModuleService
