import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MathBN, MedusaError } from "@medusajs/framework/utils"
import type { GiftVoucherService, GiftVoucherStatus, StoreGiftVoucher } from "@fieldservice/contract"
import { GIFT_VOUCHERS_MODULE, type GiftVoucherRow, type GiftVouchersModuleService } from "../modules/gift-vouchers"
import { INVOICES_MODULE, type InvoicesModuleService } from "../modules/invoices"
import { BOOKING_MODULE, type BookingModuleService } from "../modules/booking"

/** The loyalty plugin's module names (its PluginModule). */
export const LOYALTY_MODULE = "loyalty"
export const STORE_CREDIT_MODULE = "store_credit"

export type GiftCardRow = {
  id: string
  code: string
  value: number
  expires_at: string | Date | null
  line_item_id: string | null
  store_credit_account?: { id: string } | null
}

type StoreCreditService = {
  retrieveAccountStats: (input: { account_id: string }) => Promise<{ balance: number }>
  listAccountTransactions: (
    filters: Record<string, unknown>,
    config?: Record<string, unknown>
  ) => Promise<{ type: string; amount: unknown; reference: string | null; reference_id: string | null; created_at: Date | string }[]>
}

/** The bookings a gift card's balance paid for, less those cancelled since (their debit was credited back). */
async function spentOn(container: MedusaContainer, card: GiftCardRow | undefined): Promise<StoreGiftVoucher["spent"]> {
  if (!card?.store_credit_account?.id) return []
  const credit: StoreCreditService = container.resolve(STORE_CREDIT_MODULE)
  const moves = await credit.listAccountTransactions({ account_id: card.store_credit_account.id }, { order: { created_at: "ASC" } })
  const returned = new Set(moves.filter((move) => move.type === "credit" && move.reference === "booking-cancelled").map((move) => move.reference_id))
  const debits = moves.filter((move) => move.type === "debit" && move.reference === "booking" && move.reference_id && !returned.has(move.reference_id))
  if (!debits.length) return []
  const bookings: BookingModuleService = container.resolve(BOOKING_MODULE)
  const found = await bookings.listBookings({ id: debits.map((move) => move.reference_id!) }, { select: ["id", "booking_number", "service_title"] })
  return debits.flatMap((move) => {
    const booking = found.find((row) => row.id === move.reference_id)
    return booking
      ? [
          {
            booking_id: booking.id,
            booking_number: booking.booking_number,
            service_title: booking.service_title,
            amount: Number(move.amount),
            at: new Date(move.created_at).toISOString(),
          },
        ]
      : []
  })
}

/** The vouchers' gift cards (by id, or by the order line the plugin made them of), with their store credit accounts. */
export async function giftCardsOf(container: MedusaContainer, vouchers: GiftVoucherRow[]): Promise<Map<string, GiftCardRow>> {
  const ids = vouchers.map((voucher) => voucher.gift_card_id).filter((id): id is string => !!id)
  const lines = vouchers.filter((voucher) => !voucher.gift_card_id && voucher.line_item_id).map((voucher) => voucher.line_item_id!)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const fields = ["id", "code", "value", "expires_at", "line_item_id", "store_credit_account.id"]
  const found: GiftCardRow[] = []
  if (ids.length) found.push(...((await query.graph({ entity: "gift_card", fields, filters: { id: ids } })).data as unknown as GiftCardRow[]))
  if (lines.length) found.push(...((await query.graph({ entity: "gift_card", fields, filters: { line_item_id: lines } })).data as unknown as GiftCardRow[]))
  const byVoucher = new Map<string, GiftCardRow>()
  for (const voucher of vouchers) {
    const card = found.find((row) => (voucher.gift_card_id ? row.id === voucher.gift_card_id : row.line_item_id === voucher.line_item_id))
    if (card) byVoucher.set(voucher.id, card)
  }
  return byVoucher
}

/** What is left on a gift card: its store credit account's balance (the plugin's ledger). */
export async function giftCardBalance(container: MedusaContainer, card: GiftCardRow | undefined): Promise<number | null> {
  if (!card?.store_credit_account?.id) return null
  const credit: StoreCreditService = container.resolve(STORE_CREDIT_MODULE)
  return (await credit.retrieveAccountStats({ account_id: card.store_credit_account.id })).balance
}

export function voucherStatus(voucher: GiftVoucherRow, card: GiftCardRow | undefined, balance: number, now = new Date()): GiftVoucherStatus {
  if (voucher.disabled_at) return "disabled"
  if (!voucher.delivered_at) return "scheduled"
  if (card?.expires_at && new Date(card.expires_at).getTime() <= now.getTime()) return "expired"
  const services = voucher.services ?? []
  if (voucher.kind === "services" ? services.every((service) => service.booking_id) : !MathBN.gt(balance, 0)) return "used"
  return "active"
}

/** The buyer's invoices of their vouchers, by order. */
async function invoicesOf(container: MedusaContainer, customerId: string, rows: GiftVoucherRow[]): Promise<Map<string, string>> {
  const orders = rows.filter((row) => row.buyer_customer_id === customerId && row.order_id).map((row) => row.order_id!)
  if (!orders.length) return new Map()
  const invoices: InvoicesModuleService = container.resolve(INVOICES_MODULE)
  const found = await invoices.listInvoices({ order_id: orders, customer_id: customerId }, { select: ["id", "order_id"] })
  return new Map(found.map((invoice) => [invoice.order_id as string, invoice.id]))
}

async function present(container: MedusaContainer, customerId: string, rows: GiftVoucherRow[]): Promise<StoreGiftVoucher[]> {
  const [cards, invoiceOf] = await Promise.all([giftCardsOf(container, rows), invoicesOf(container, customerId, rows)])
  return Promise.all(
    rows.map(async (voucher) => {
      const card = cards.get(voucher.id)
      const balance = (await giftCardBalance(container, card)) ?? Number(voucher.value)
      const held = voucher.holder_customer_id === customerId
      return {
        id: voucher.id,
        kind: voucher.kind,
        status: voucherStatus(voucher, card, balance),
        code: card?.code ?? null,
        currency_code: voucher.currency_code,
        value: Number(voucher.value),
        balance,
        services: (voucher.services ?? []) as GiftVoucherService[],
        recipient_name: voucher.recipient_name,
        recipient_email: voucher.recipient_email,
        message: voucher.message,
        deliver_on: voucher.deliver_on,
        delivered_at: voucher.delivered_at ? new Date(voucher.delivered_at).toISOString() : null,
        expires_at: card?.expires_at ? new Date(card.expires_at).toISOString() : null,
        bought: voucher.buyer_customer_id === customerId,
        held,
        order_id: voucher.buyer_customer_id === customerId ? voucher.order_id : null,
        spent: held ? await spentOn(container, card) : [],
        invoice_id: voucher.order_id ? (invoiceOf.get(voucher.order_id) ?? null) : null,
        created_at: new Date(voucher.created_at).toISOString(),
      }
    })
  )
}

const ORDER = { order: { created_at: "DESC" as const } }

/** The customer's vouchers: those they bought, and those in their account. */
export async function listCustomerVouchers(container: MedusaContainer, customerId: string) {
  const vouchers: GiftVouchersModuleService = container.resolve(GIFT_VOUCHERS_MODULE)
  const [bought, held] = await Promise.all([
    vouchers.listGiftVouchers({ buyer_customer_id: customerId }, { ...ORDER, take: 200 }),
    vouchers.listGiftVouchers({ holder_customer_id: customerId }, { ...ORDER, take: 200 }),
  ])
  return {
    bought: await present(container, customerId, bought as unknown as GiftVoucherRow[]),
    held: await present(container, customerId, held as unknown as GiftVoucherRow[]),
  }
}

/** One voucher the customer bought or holds; anyone else's is "not found". */
export async function retrieveCustomerVoucher(container: MedusaContainer, customerId: string, id: string): Promise<StoreGiftVoucher> {
  const vouchers: GiftVouchersModuleService = container.resolve(GIFT_VOUCHERS_MODULE)
  const [row] = await vouchers.listGiftVouchers({ id, $or: [{ buyer_customer_id: customerId }, { holder_customer_id: customerId }] } as never, { take: 1 })
  if (!row) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Gift voucher ${id} was not found`)
  return (await present(container, customerId, [row as unknown as GiftVoucherRow]))[0]
}
