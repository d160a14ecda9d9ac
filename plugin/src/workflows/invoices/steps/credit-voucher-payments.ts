import { ContainerRegistrationKeys, MathBN } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BOOKING_MODULE, type BookingModuleService } from "../../../modules/booking"
import { INVOICES_MODULE, invoiceBalance, type InvoicesModuleService } from "../../../modules/invoices"
import { STORE_CREDIT_REFERENCE, VOUCHER_CREDIT_REFERENCE } from "../../gift-vouchers/steps/redeem"
import { billedVisits } from "./credit-quote-deposits"
import { type AppliedInvoiceMoney, applyInvoiceMoney, undoInvoiceMoney } from "./record-invoice-payment"

type OrderCredit = {
  id: string
  credit_lines?: { id: string; amount: unknown; reference: string | null; reference_id: string | null; created_at: Date | string }[]
}

/** "Gift voucher …ABCD": the code's last group, enough for the customer to know which. */
const voucherReference = (code: string | undefined) => (code ? `Gift voucher …${code.slice(-4)}` : "Gift voucher")

/**
 * What a gift voucher or store credit paid of a visit (its order's credit lines) is a payment on the visit's
 * invoice, once (keyed by the credit line), so the invoice shows the voucher as paid money and the
 * card or the day pays only the rest. Answers the amount per invoice; undone if a later step fails.
 */
export const creditVoucherPaymentsStep = createStep(
  "credit-gift-voucher-payments",
  async (input: { invoice_ids: string[] }, { container }) => {
    const invoices: InvoicesModuleService = container.resolve(INVOICES_MODULE)
    const invoiceOf = await billedVisits(invoices, input.invoice_ids)
    const credited: Record<string, string> = {}
    const undo: NonNullable<AppliedInvoiceMoney["undo"]>[] = []
    if (!invoiceOf.size) return new StepResponse(credited, undo)
    const bookings: BookingModuleService = container.resolve(BOOKING_MODULE)
    const visits = (await bookings.listBookings({ id: [...invoiceOf.keys()] }, { select: ["id", "order_id"] })).filter((visit) => visit.order_id)
    if (!visits.length) return new StepResponse(credited, undo)
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "order",
      fields: ["id", "credit_lines.id", "credit_lines.amount", "credit_lines.reference", "credit_lines.reference_id", "credit_lines.created_at"],
      filters: { id: visits.map((visit) => visit.order_id!) },
    })
    const orders = new Map((data as unknown as OrderCredit[]).map((order) => [order.id, order]))
    const cardIds = [...orders.values()].flatMap((order) =>
      (order.credit_lines ?? []).filter((line) => line.reference === VOUCHER_CREDIT_REFERENCE).map((line) => line.reference_id!)
    )
    const cards = cardIds.length
      ? ((await query.graph({ entity: "gift_card", fields: ["id", "code"], filters: { id: cardIds } })).data as unknown as { id: string; code: string }[])
      : []
    for (const visit of visits) {
      const invoiceId = invoiceOf.get(visit.id)!
      const paidWith = (orders.get(visit.order_id!)?.credit_lines ?? []).filter(
        (credit) => credit.reference === VOUCHER_CREDIT_REFERENCE || credit.reference === STORE_CREDIT_REFERENCE
      )
      for (const line of paidWith) {
        const voucher = line.reference === VOUCHER_CREDIT_REFERENCE
        const amount = MathBN.min(line.amount as number, invoiceBalance(await invoices.retrieveInvoice(invoiceId)).toString())
        if (!amount.gt(0)) continue
        const applied = await applyInvoiceMoney(invoices, {
          invoice_id: invoiceId,
          kind: "payment",
          method: voucher ? "gift_voucher" : "store_credit",
          amount: amount.toString(),
          reference: voucher ? voucherReference(cards.find((card) => card.id === line.reference_id)?.code) : "Store credit",
          paid_at: line.created_at ? new Date(line.created_at) : null,
          idempotency_key: `gift-voucher:${line.id}`,
        })
        if (applied.undo) undo.push(applied.undo)
        if (applied.recorded) credited[invoiceId] = MathBN.add(credited[invoiceId] ?? 0, amount).toString()
      }
    }
    return new StepResponse(credited, undo)
  },
  async (undo, { container }) => {
    if (!undo?.length) return
    const invoices: InvoicesModuleService = container.resolve(INVOICES_MODULE)
    for (const entry of [...undo].reverse()) await undoInvoiceMoney(invoices, entry)
  }
)
