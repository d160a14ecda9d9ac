import { ContainerRegistrationKeys, MathBN, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { formatLongDate, type GiftVoucherService } from "@fieldservice/contract"
import { BOOKING_MODULE, type BookingModuleService } from "../../../modules/booking"
import { GIFT_VOUCHERS_MODULE, type GiftVoucherRow, type GiftVouchersModuleService } from "../../../modules/gift-vouchers"
import { SERVICES_MODULE, type ServicesModuleService } from "../../../modules/services"
import { type GiftCardRow, giftCardBalance, LOYALTY_MODULE, STORE_CREDIT_MODULE } from "../../../queries/gift-vouchers"
import { UNKNOWN_CODE } from "../add-gift-voucher"
import { storeCreditBalances } from "../../referrals/store-credit"

/** The reference a voucher's credit line on a booking's cart (and order) carries. */
export const VOUCHER_CREDIT_REFERENCE = "gift-voucher"

export type VoucherForBooking = {
  voucher_id: string
  gift_card_id: string
  code: string
  kind: "amount" | "services"
  account_id: string
  balance: string
  /** A service voucher: which of its services this visit is, and its price when bought (what the voucher gives up). */
  service_index: number | null
  service_price: string | null
}

type LoyaltyService = {
  listGiftCards: (filters: Record<string, unknown>, config?: Record<string, unknown>) => Promise<(GiftCardRow & { currency_code: string })[]>
}
type StoreCreditService = {
  debitAccounts: (data: { account_id: string; amount: unknown; reference: string; reference_id: string; note: string }[]) => Promise<{ id: string }[]>
  creditAccounts: (data: { account_id: string; amount: unknown; reference: string; reference_id: string; note: string }[]) => Promise<{ id: string }[]>
  deleteTransactions: (ids: string[]) => Promise<void>
  listAccountTransactions: (
    filters: Record<string, unknown>,
    config?: Record<string, unknown>
  ) => Promise<{ id: string; amount: unknown; type: string; account_id: string }[]>
}

const refuse = (message: string) => new MedusaError(MedusaError.Types.INVALID_DATA, message)

const serviceName = (service: GiftVoucherService) =>
  service.option_title && service.option_title !== service.title ? `${service.title} (${service.option_title})` : service.title

/**
 * The voucher a booking is paid with, checked before anything is written: a code that exists
 * (unknown codes count towards the guessing limit), delivered, not disabled or expired, not in
 * another customer's account, in the booking's currency, with something left, and, for a service
 * voucher, one of its services not yet booked being the option booked now.
 */
export const checkVoucherForBookingStep = createStep(
  "check-gift-voucher-for-booking",
  async (input: { customer_id: string; code: string | null | undefined; variant_id: string; currency_code: string }, { container }) => {
    if (!input.code) return new StepResponse<VoucherForBooking | null>(null)
    const [card] = await container.resolve<LoyaltyService>(LOYALTY_MODULE).listGiftCards({ code: input.code }, { take: 1 })
    if (!card) throw new MedusaError(MedusaError.Types.NOT_FOUND, "There is no voucher with that code. Check it and try again.", UNKNOWN_CODE)
    const vouchers: GiftVouchersModuleService = container.resolve(GIFT_VOUCHERS_MODULE)
    const voucher = await vouchers.retrieveVoucherOfCard(card)
    const services: ServicesModuleService = container.resolve(SERVICES_MODULE)
    if (voucher?.disabled_at) throw refuse("This voucher has been disabled. Please contact us.")
    if (voucher && !voucher.delivered_at) {
      throw refuse(`This voucher can be used from ${formatLongDate(`${voucher.deliver_on}T12:00:00Z`, services.timeZone)}, the day it is sent.`)
    }
    if (card.expires_at && new Date(card.expires_at).getTime() <= Date.now()) {
      throw refuse(`This voucher expired on ${formatLongDate(new Date(new Date(card.expires_at).getTime() - 1), services.timeZone)}.`)
    }
    if (voucher?.holder_customer_id && voucher.holder_customer_id !== input.customer_id) throw refuse("This voucher is in another account.")
    if (card.currency_code !== input.currency_code) throw refuse(`This voucher is in ${card.currency_code.toUpperCase()}, and this booking isn't.`)
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({ entity: "gift_card", fields: ["id", "store_credit_account.id"], filters: { id: card.id } })
    const withAccount = data[0] as unknown as GiftCardRow | undefined
    const balance = await giftCardBalance(container, withAccount)
    if (!withAccount?.store_credit_account?.id || balance === null || !MathBN.gt(balance, 0)) throw refuse("This voucher has been used up.")

    let serviceIndex: number | null = null
    let servicePrice: string | null = null
    if (voucher?.kind === "services") {
      const list = (voucher.services ?? []) as GiftVoucherService[]
      serviceIndex = list.findIndex((service) => !service.booking_id && service.variant_id === input.variant_id)
      if (serviceIndex < 0) {
        const open = list.filter((service) => !service.booking_id).map(serviceName)
        throw refuse(
          open.length
            ? `This voucher pays for ${open.join(", ")}. Choose that service and option to use it, or pay another way.`
            : "Every service on this voucher has been booked."
        )
      }
      servicePrice = MathBN.min(list[serviceIndex].price, balance).toString()
    }
    return new StepResponse<VoucherForBooking | null>({
      voucher_id: voucher?.id ?? "",
      gift_card_id: card.id,
      code: card.code,
      kind: voucher?.kind ?? "amount",
      account_id: withAccount.store_credit_account.id,
      balance: MathBN.convert(balance).toString(),
      service_index: serviceIndex,
      service_price: servicePrice,
    })
  }
)

/**
 * Not the loyalty plugin's own "store-credit": its hook on completing a cart debits credit lines of
 * that name itself, and this booking's are debited (and given back) by the steps here.
 */
export const STORE_CREDIT_REFERENCE = "customer-store-credit"

export type StoreCreditForBooking = { account_id: string; balance: string }

/** The customer's store credit (referral rewards), asked to pay: their account in the booking's currency, with something in it. */
export const checkStoreCreditForBookingStep = createStep(
  "check-store-credit-for-booking",
  async (input: { customer_id: string; currency_code: string; use: boolean | null | undefined }, { container }) => {
    if (!input.use) return new StepResponse<StoreCreditForBooking | null>(null)
    const balances = await storeCreditBalances(container, input.customer_id)
    const account = balances.find((row) => row.currency_code === input.currency_code)
    if (!account || !(account.balance > 0)) throw refuse("You have no store credit to use. Choose another way to pay.")
    return new StepResponse<StoreCreditForBooking | null>({ account_id: account.id, balance: String(account.balance) })
  }
)

/**
 * What the voucher pays of the cart: a service voucher the whole visit (whatever its price now),
 * an amount voucher up to its balance. Read from the cart as priced (tax and discounts in), as the
 * credit line Medusa subtracts from what the card or the day pays.
 */
export const voucherCreditLineStep = createStep(
  "gift-voucher-credit-line",
  async (input: { cart_id: string; voucher: VoucherForBooking | null; store_credit?: StoreCreditForBooking | null }, { container }) => {
    const none = { lines: [] as CreditLine[], amount: null as string | null, store_credit_amount: null as string | null, remaining_to_pay: true }
    if (!input.voucher && !input.store_credit) return new StepResponse(none)
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({ entity: "cart", fields: ["id", "total"], filters: { id: input.cart_id } })
    const total = MathBN.convert((data[0] as unknown as { total: number }).total)
    const lines: CreditLine[] = []
    // The voucher first: a service voucher the whole visit, an amount voucher up to its balance; then store credit on the rest.
    const voucherPays = !input.voucher ? MathBN.convert(0) : input.voucher.kind === "services" ? total : MathBN.min(total, input.voucher.balance)
    if (input.voucher && voucherPays.gt(0)) {
      lines.push({
        cart_id: input.cart_id,
        amount: voucherPays.toString() as unknown as number,
        reference: VOUCHER_CREDIT_REFERENCE,
        reference_id: input.voucher.gift_card_id,
        metadata: { voucher_id: input.voucher.voucher_id || null },
      })
    }
    const rest = MathBN.sub(total, voucherPays)
    const creditPays = input.store_credit ? MathBN.max(MathBN.min(rest, input.store_credit.balance), 0) : MathBN.convert(0)
    if (input.store_credit && creditPays.gt(0)) {
      lines.push({
        cart_id: input.cart_id,
        amount: creditPays.toString() as unknown as number,
        reference: STORE_CREDIT_REFERENCE,
        reference_id: input.store_credit.account_id,
        metadata: null,
      })
    }
    return new StepResponse({
      lines,
      amount: voucherPays.gt(0) ? voucherPays.toString() : null,
      store_credit_amount: creditPays.gt(0) ? creditPays.toString() : null,
      remaining_to_pay: MathBN.gt(MathBN.sub(rest, creditPays), 0),
    })
  }
)

/** Medusa's amount type takes the amount as text too; the input type names it a number. */
type CreditLine = { cart_id: string; amount: number; reference: string; reference_id: string; metadata: Record<string, unknown> | null }

/**
 * The voucher gives up what it paid, once the booking is made: the amount from its balance (the
 * loyalty plugin's store credit account, whose debit locks the account, so two bookings racing for
 * the last of one balance can't both have it), or a service voucher's service marked booked and
 * its price when bought. Undone if anything later fails.
 */
export const spendVoucherStep = createStep(
  "spend-gift-voucher",
  async (
    input: {
      voucher: VoucherForBooking | null
      credit: string | null
      store_credit?: StoreCreditForBooking | null
      store_credit_amount?: string | null
      booking_id: string
      customer_id: string
    },
    { container }
  ) => {
    const { voucher } = input
    const useCredit = input.store_credit && input.store_credit_amount
    if ((!voucher || !input.credit) && !useCredit) return new StepResponse(null, null)
    const credit: StoreCreditService = container.resolve(STORE_CREDIT_MODULE)
    const debits: { account_id: string; amount: unknown; reference: string; reference_id: string; note: string }[] = []
    if (voucher && input.credit) {
      const amount = voucher.kind === "services" ? voucher.service_price! : input.credit
      debits.push({
        account_id: voucher.account_id,
        amount,
        reference: "booking",
        reference_id: input.booking_id,
        note: `Booking paid with voucher ${voucher.code}`,
      })
    }
    if (useCredit) {
      debits.push({
        account_id: input.store_credit!.account_id,
        amount: input.store_credit_amount,
        reference: "booking",
        reference_id: input.booking_id,
        note: "Booking paid with store credit",
      })
    }
    let transactions: { id: string }[]
    try {
      transactions = await credit.debitAccounts(debits)
    } catch (error) {
      if ((error as Error).message === "Insufficient balance") {
        throw refuse("Your voucher or store credit has just been used for another booking. Nothing was booked: try again to see what is left.")
      }
      throw error
    }
    if (!voucher || !input.credit)
      return new StepResponse(
        { amount: input.store_credit_amount },
        { transaction_ids: transactions.map((t) => t.id), voucher_id: "", before: null, booking_id: input.booking_id, voucher: false }
      )
    const bookings: BookingModuleService = container.resolve(BOOKING_MODULE)
    await bookings.updateBookings({ id: input.booking_id, gift_voucher: { amount: Number(input.credit), code_hint: voucher.code.slice(-4) } })
    const vouchers: GiftVouchersModuleService = container.resolve(GIFT_VOUCHERS_MODULE)
    let before: { services: unknown; holder_customer_id: string | null } | null = null
    if (voucher.voucher_id) {
      const row = (await vouchers.retrieveGiftVoucher(voucher.voucher_id)) as unknown as GiftVoucherRow
      before = { services: row.services, holder_customer_id: row.holder_customer_id }
      const services = ((row.services ?? []) as GiftVoucherService[]).map((service, index) =>
        index === voucher.service_index ? { ...service, booking_id: input.booking_id } : service
      )
      await vouchers.updateGiftVouchers({ id: row.id, services: services as never, holder_customer_id: row.holder_customer_id ?? input.customer_id })
    }
    return new StepResponse(
      { amount: input.credit },
      { transaction_ids: transactions.map((t) => t.id), voucher_id: voucher.voucher_id, before, booking_id: input.booking_id, voucher: true }
    )
  },
  async (undo, { container }) => {
    if (!undo) return
    await container.resolve<StoreCreditService>(STORE_CREDIT_MODULE).deleteTransactions(undo.transaction_ids)
    if (undo.voucher) await container.resolve<BookingModuleService>(BOOKING_MODULE).updateBookings({ id: undo.booking_id, gift_voucher: null })
    if (undo.voucher_id && undo.before) {
      const vouchers: GiftVouchersModuleService = container.resolve(GIFT_VOUCHERS_MODULE)
      await vouchers.updateGiftVouchers({ id: undo.voucher_id, ...(undo.before as object) })
    }
  }
)

/**
 * A cancelled booking gives its voucher back: what was taken from the balance is credited again
 * and a service voucher's service is free to book again. Once: a second cancellation finds the
 * credit already there.
 */
export const returnVoucherStep = createStep(
  "return-gift-voucher",
  async (input: { booking_id: string }, { container }) => {
    const credit: StoreCreditService = container.resolve(STORE_CREDIT_MODULE)
    const spent = await credit.listAccountTransactions({ reference: "booking", reference_id: input.booking_id, type: "debit" })
    if (!spent.length) return new StepResponse(null, null)
    const returned = await credit.listAccountTransactions({ reference: "booking-cancelled", reference_id: input.booking_id, type: "credit" })
    if (returned.length) return new StepResponse(null, null)
    const created = await credit.creditAccounts(
      spent.map((debit) => ({
        account_id: debit.account_id,
        amount: debit.amount,
        reference: "booking-cancelled",
        reference_id: input.booking_id,
        note: "Booking cancelled: voucher given back",
      }))
    )
    const vouchers: GiftVouchersModuleService = container.resolve(GIFT_VOUCHERS_MODULE)
    const freed: { id: string; services: unknown }[] = []
    for (const row of await vouchers.listPaidForBooking(input.booking_id)) {
      freed.push({ id: row.id, services: row.services })
      const services = (row.services ?? []).map((service) => (service.booking_id === input.booking_id ? { ...service, booking_id: null } : service))
      await vouchers.updateGiftVouchers({ id: row.id, services: services as never })
    }
    return new StepResponse(
      { amount: spent.reduce((sum, debit) => MathBN.add(sum, debit.amount as number), MathBN.convert(0)).toString() },
      { ids: created.map((t) => t.id), freed }
    )
  },
  async (undo, { container }) => {
    if (!undo) return
    await container.resolve<StoreCreditService>(STORE_CREDIT_MODULE).deleteTransactions(undo.ids)
    const vouchers: GiftVouchersModuleService = container.resolve(GIFT_VOUCHERS_MODULE)
    for (const row of undo.freed) await vouchers.updateGiftVouchers({ id: row.id, services: row.services as never })
  }
)
