import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import type {
  AdminGiftVoucher,
  AdminGiftVoucherListResponse,
  AdminGiftVoucherPerson,
  AdminGiftVoucherSummary,
  AdminGiftVoucherTransaction,
  GiftVoucherService,
  GiftVoucherStatus,
} from "@fieldservice/contract"
import { GIFT_VOUCHERS_MODULE, type GiftVoucherRow, type GiftVouchersModuleService } from "../modules/gift-vouchers"
import { personName } from "../workflows/customer-profile/activity"
import { giftCardBalance, giftCardsOf, STORE_CREDIT_MODULE, voucherStatus } from "./gift-vouchers"

export type AdminGiftVoucherListQuery = {
  status?: GiftVoucherStatus
  kind?: "amount" | "services"
  q?: string
  customer_id?: string
  limit: number
  offset: number
}

type TransactionRow = { id: string; type: "credit" | "debit"; amount: unknown; reference: string; reference_id: string; note: string | null; created_at: Date }
type StoreCreditService = {
  listAccountTransactions: (filters: Record<string, unknown>, config?: Record<string, unknown>) => Promise<TransactionRow[]>
}

const iso = (value: Date | string | null | undefined) => (value ? new Date(value).toISOString() : null)

/** The customers the vouchers name, by id: their name (or email) for the list's columns. */
async function peopleOf(container: MedusaContainer, ids: (string | null)[]): Promise<Map<string, AdminGiftVoucherPerson>> {
  const wanted = [...new Set(ids.filter((id): id is string => !!id))]
  if (!wanted.length) return new Map()
  const customers = await container
    .resolve(Modules.CUSTOMER)
    .listCustomers({ id: wanted }, { select: ["id", "first_name", "last_name", "email"], withDeleted: true })
  return new Map(
    customers.map((customer) => [customer.id, { id: customer.id, name: personName(customer) || customer.email || customer.id, email: customer.email ?? null }])
  )
}

function summary(
  voucher: GiftVoucherRow,
  card: { code: string | null; expires_at: Date | string | null; balance: number; status: GiftVoucherStatus },
  people: Map<string, AdminGiftVoucherPerson>
): AdminGiftVoucherSummary {
  return {
    id: voucher.id,
    code: card.code,
    kind: voucher.kind,
    status: card.status,
    currency_code: voucher.currency_code,
    value: Number(voucher.value),
    balance: card.balance,
    recipient_name: voucher.recipient_name,
    recipient_email: voucher.recipient_email,
    buyer: voucher.buyer_customer_id ? (people.get(voucher.buyer_customer_id) ?? null) : null,
    holder: voucher.holder_customer_id ? (people.get(voucher.holder_customer_id) ?? null) : null,
    deliver_on: voucher.deliver_on,
    delivered_at: iso(voucher.delivered_at),
    expires_at: iso(card.expires_at),
    created_at: iso(voucher.created_at)!,
  }
}

/** The staff Gift vouchers list: filtered and paged in the database, newest first. */
export async function listStaffVouchers(container: MedusaContainer, query: AdminGiftVoucherListQuery, now = new Date()): Promise<AdminGiftVoucherListResponse> {
  const vouchers: GiftVouchersModuleService = container.resolve(GIFT_VOUCHERS_MODULE)
  const { rows, count } = await vouchers.listForStaff({ ...query, now })
  const records = rows.length ? ((await vouchers.listGiftVouchers({ id: rows.map((row) => row.id) })) as unknown as GiftVoucherRow[]) : []
  const byId = new Map(records.map((record) => [record.id, record]))
  const people = await peopleOf(
    container,
    records.flatMap((record) => [record.buyer_customer_id, record.holder_customer_id])
  )
  return {
    gift_vouchers: rows
      .filter((row) => byId.has(row.id))
      .map((row) => summary(byId.get(row.id)!, { code: row.code, expires_at: row.expires_at, balance: Number(row.balance), status: row.status }, people)),
    count,
    limit: query.limit,
    offset: query.offset,
  }
}

/** One voucher for staff: who bought and holds it, its delivery, and its balance's ledger. */
export async function retrieveStaffVoucher(container: MedusaContainer, id: string, now = new Date()): Promise<AdminGiftVoucher> {
  const vouchers: GiftVouchersModuleService = container.resolve(GIFT_VOUCHERS_MODULE)
  const [record] = (await vouchers.listGiftVouchers({ id }, { take: 1 })) as unknown as GiftVoucherRow[]
  if (!record) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Gift voucher ${id} was not found`)
  const card = (await giftCardsOf(container, [record])).get(record.id)
  const balance = (await giftCardBalance(container, card)) ?? Number(record.value)
  const people = await peopleOf(container, [record.buyer_customer_id, record.holder_customer_id])
  let transactions: AdminGiftVoucherTransaction[] = []
  if (card?.store_credit_account?.id) {
    const credit: StoreCreditService = container.resolve(STORE_CREDIT_MODULE)
    const rows = await credit.listAccountTransactions({ account_id: card.store_credit_account.id }, { order: { created_at: "ASC" }, take: 500 })
    transactions = rows.map((row) => ({
      id: row.id,
      type: row.type,
      amount: Number(row.amount),
      reference: row.reference,
      reference_id: row.reference_id,
      note: row.note ?? null,
      created_at: iso(row.created_at)!,
    }))
  }
  let issuedBy: AdminGiftVoucher["issued_by"] = null
  if (record.issued_by) {
    const [user] = await container.resolve(Modules.USER).listUsers({ id: record.issued_by }, { take: 1, withDeleted: true })
    issuedBy = { id: record.issued_by, name: personName(user) || null, email: user?.email ?? null }
  }
  return {
    ...summary(record, { code: card?.code ?? null, expires_at: card?.expires_at ?? null, balance, status: voucherStatus(record, card, balance, now) }, people),
    message: record.message,
    services: (record.services ?? []) as GiftVoucherService[],
    order_id: record.order_id,
    issued_by: issuedBy,
    note: record.note,
    disabled_at: iso(record.disabled_at),
    transactions,
  }
}
