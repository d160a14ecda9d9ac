import type { Context } from "@medusajs/framework/types"
import { InjectManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import type { GiftVoucherService, GiftVoucherSettings as Settings } from "@fieldservice/contract"
import { sqlManager } from "../../utils/sql-manager"
import GiftVoucher from "./models/gift-voucher"
import GiftVoucherSettings from "./models/gift-voucher-settings"

export type GiftVoucherRow = {
  id: string
  kind: "amount" | "services"
  currency_code: string
  value: number
  services: GiftVoucherService[] | null
  buyer_customer_id: string | null
  holder_customer_id: string | null
  recipient_name: string
  recipient_email: string
  message: string | null
  deliver_on: string
  delivered_at: Date | null
  order_id: string | null
  line_item_id: string | null
  gift_card_id: string | null
  idempotency_key: string | null
  disabled_at: Date | null
  created_at: Date
}

/** What a business starts with (the model's defaults). */
export const DEFAULT_VOUCHER_SETTINGS: Settings = {
  enabled: true,
  amounts: [25, 50, 100],
  min_amount: 10,
  max_amount: 500,
  validity_months: 12,
  service_ids: null,
}

class GiftVouchersModuleService extends MedusaService({ GiftVoucher, GiftVoucherSettings }) {
  /** Settings → Gift vouchers: the saved row, or the defaults until staff first save (id null). */
  async getVoucherSettings(): Promise<Settings & { id: string | null }> {
    const [row] = await this.listGiftVoucherSettings({}, { take: 1, order: { created_at: "ASC" } })
    if (!row) return { id: null, ...DEFAULT_VOUCHER_SETTINGS }
    return {
      id: row.id,
      enabled: row.enabled,
      amounts: (row.amounts as unknown as number[]) ?? [],
      min_amount: row.min_amount,
      max_amount: row.max_amount,
      validity_months: row.validity_months,
      service_ids: (row.service_ids as unknown as string[] | null) ?? null,
    }
  }

  /**
   * Marks a voucher delivered, once: true for the one caller that did it, false when another run
   * (or another server) already had, so its email is never sent twice.
   */
  @InjectManager()
  async markDelivered(id: string, at: Date, @MedusaContext() sharedContext: Context = {}): Promise<boolean> {
    const rows = await sqlManager(sharedContext).execute(
      `UPDATE gift_voucher SET delivered_at = ?, updated_at = now() WHERE id = ? AND delivered_at IS NULL AND deleted_at IS NULL RETURNING id`,
      [at, id]
    )
    return rows.length > 0
  }

  /** The service vouchers one of whose services this booking is (a JSON containment match). */
  @InjectManager()
  async listPaidForBooking(bookingId: string, @MedusaContext() sharedContext: Context = {}): Promise<GiftVoucherRow[]> {
    const rows = await sqlManager(sharedContext).execute(
      `SELECT id, services FROM gift_voucher WHERE deleted_at IS NULL AND kind = 'services' AND services @> ?::jsonb`,
      [JSON.stringify([{ booking_id: bookingId }])]
    )
    return rows as unknown as GiftVoucherRow[]
  }

  /** Vouchers whose delivery day has come (the business's calendar) and that were not yet sent. */
  @InjectManager()
  async listDue(today: string, limit: number, @MedusaContext() sharedContext: Context = {}): Promise<string[]> {
    const rows = await sqlManager(sharedContext).execute(
      `SELECT id FROM gift_voucher WHERE deleted_at IS NULL AND delivered_at IS NULL AND disabled_at IS NULL AND deliver_on <= ?
       ORDER BY deliver_on, created_at LIMIT ?`,
      [today, limit]
    )
    return (rows as { id: string }[]).map((row) => row.id)
  }
}

export default GiftVouchersModuleService
