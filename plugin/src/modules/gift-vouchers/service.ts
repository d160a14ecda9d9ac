import type { Context } from "@medusajs/framework/types"
import { InjectManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import type { GiftVoucherService, GiftVoucherSettings as Settings, GiftVoucherStatus } from "@fieldservice/contract"
import { sqlManager } from "../../utils/sql-manager"
import GiftVoucher from "./models/gift-voucher"
import GiftVoucherSettings from "./models/gift-voucher-settings"

/** The staff list's filters (GET /admin/gift-vouchers). */
export type StaffVoucherFilters = {
  status?: GiftVoucherStatus
  kind?: "amount" | "services"
  q?: string
  customer_id?: string
  limit: number
  offset: number
  now: Date
}
export type StaffVoucherRow = {
  id: string
  code: string | null
  expires_at: Date | null
  balance: string
  status: GiftVoucherStatus
}

// The loyalty plugin's tables: its gift card, the link to the card's store credit account, and
// that account's ledger. Joined here so the list can filter and page by status and code.
const LINK_TABLE = "loyalty_gift_card_store_credit_store_credit_account"
const WITH_STATUS = `
  WITH v AS (
    SELECT g.*, c.code, c.expires_at AS card_expires_at,
      COALESCE((SELECT SUM(CASE WHEN t.type = 'credit' THEN t.amount ELSE -t.amount END) FROM store_credit_account_transaction t
                WHERE t.account_id = l.store_credit_account_id AND t.deleted_at IS NULL), g.value) AS balance
    FROM gift_voucher g
    LEFT JOIN loyalty_gift_card c ON c.deleted_at IS NULL
      AND (c.id = g.gift_card_id OR (g.gift_card_id IS NULL AND g.line_item_id IS NOT NULL AND c.line_item_id = g.line_item_id))
    LEFT JOIN ${LINK_TABLE} l ON l.gift_card_id = c.id AND l.deleted_at IS NULL
    WHERE g.deleted_at IS NULL
  ), s AS (
    SELECT v.*, CASE
      WHEN v.disabled_at IS NOT NULL THEN 'disabled'
      WHEN v.delivered_at IS NULL THEN 'scheduled'
      WHEN v.card_expires_at IS NOT NULL AND v.card_expires_at <= ? THEN 'expired'
      WHEN v.kind = 'services' AND NOT EXISTS (
        SELECT 1 FROM jsonb_array_elements(COALESCE(v.services, '[]'::jsonb)) e WHERE e->>'booking_id' IS NULL) THEN 'used'
      WHEN v.kind = 'amount' AND v.balance <= 0 THEN 'used'
      ELSE 'active' END AS status
    FROM v
  )`

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
  issued_by: string | null
  note: string | null
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

  /** A gift card's voucher: by the card, or, for a bought one not delivered yet, by the order line the plugin made the card of. */
  async retrieveVoucherOfCard(card: { id: string; line_item_id: string | null }): Promise<GiftVoucherRow | undefined> {
    const [byCard] = await this.listGiftVouchers({ gift_card_id: card.id }, { take: 1 })
    const [byLine] = byCard || !card.line_item_id ? [] : await this.listGiftVouchers({ line_item_id: card.line_item_id }, { take: 1 })
    return (byCard ?? byLine) as unknown as GiftVoucherRow | undefined
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

  /**
   * The staff Gift vouchers list, newest first: by status (as voucherStatus works it out), kind,
   * text (the code, the recipient's name or email, the buyer's email) and customer (bought or held).
   */
  @InjectManager()
  async listForStaff(filters: StaffVoucherFilters, @MedusaContext() sharedContext: Context = {}): Promise<{ rows: StaffVoucherRow[]; count: number }> {
    const where: string[] = []
    const params: unknown[] = [filters.now]
    if (filters.status) {
      where.push("s.status = ?")
      params.push(filters.status)
    }
    if (filters.kind) {
      where.push("s.kind = ?")
      params.push(filters.kind)
    }
    if (filters.customer_id) {
      where.push("(s.buyer_customer_id = ? OR s.holder_customer_id = ?)")
      params.push(filters.customer_id, filters.customer_id)
    }
    if (filters.q) {
      const like = `%${filters.q.replace(/[\\%_]/g, (char) => `\\${char}`)}%`
      const code = `%${filters.q
        .toUpperCase()
        .replace(/\s+/g, "")
        .replace(/[\\%_]/g, (char) => `\\${char}`)}%`
      where.push(`(s.code LIKE ? OR s.recipient_name ILIKE ? OR s.recipient_email ILIKE ?
        OR EXISTS (SELECT 1 FROM customer b WHERE b.id = s.buyer_customer_id AND b.email ILIKE ?))`)
      params.push(code, like, like, like)
    }
    const filter = where.length ? `WHERE ${where.join(" AND ")}` : ""
    const manager = sqlManager(sharedContext)
    const [{ count }] = (await manager.execute(`${WITH_STATUS} SELECT count(*)::int AS count FROM s ${filter}`, params)) as { count: number }[]
    const rows = (await manager.execute(
      `${WITH_STATUS} SELECT s.id, s.code, s.card_expires_at AS expires_at, s.balance::text AS balance, s.status FROM s ${filter}
       ORDER BY s.created_at DESC, s.id DESC LIMIT ? OFFSET ?`,
      [...params, filters.limit, filters.offset]
    )) as StaffVoucherRow[]
    return { rows, count }
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
