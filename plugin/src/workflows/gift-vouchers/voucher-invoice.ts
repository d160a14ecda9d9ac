import { ContainerRegistrationKeys, MathBN } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, emitEventStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { formatMoney } from "@fieldservice/contract"
import { GIFT_VOUCHERS_MODULE, type GiftVoucherRow, type GiftVouchersModuleService } from "../../modules/gift-vouchers"
import { INVOICES_MODULE, type InvoicesModuleService } from "../../modules/invoices"
import { billTo, invoiceSeller } from "../invoices/steps/booking-invoice-draft"
import { createInvoiceStep, type NewInvoice } from "../invoices/steps/create-invoice"
import { recordInvoicePaymentStep } from "../invoices/steps/record-invoice-payment"
import { INVOICE_ISSUED, issueInvoiceWorkflow } from "../invoices/issue-invoice"

type Draft = {
  existing_id: string | null
  invoice: NewInvoice | null
  payment: { amount: string; medusa_payment_id: string | null; card: { brand: string; last4: string } | null } | null
}

/**
 * The buyer's invoice for a voucher: one line, the voucher for its recipient, at its value and no
 * tax (a voucher is taxed when spent); paid by the card the order charged. None when the voucher
 * was not bought (staff issued it) or already has its invoice.
 */
const buildVoucherInvoiceStep = createStep(
  "build-gift-voucher-invoice",
  async (input: { voucher_id: string; card: { brand: string; last4: string } | null }, { container }) => {
    const vouchers: GiftVouchersModuleService = container.resolve(GIFT_VOUCHERS_MODULE)
    const voucher = (await vouchers.retrieveGiftVoucher(input.voucher_id)) as unknown as GiftVoucherRow
    if (!voucher.order_id || !voucher.buyer_customer_id) return new StepResponse<Draft>({ existing_id: null, invoice: null, payment: null })
    const invoices: InvoicesModuleService = container.resolve(INVOICES_MODULE)
    const [existing] = await invoices.listInvoices({ order_id: voucher.order_id }, { take: 1, select: ["id"] })
    if (existing) return new StepResponse<Draft>({ existing_id: existing.id, invoice: null, payment: null })
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "order",
      fields: ["id", "payment_collections.payments.id"],
      filters: { id: voucher.order_id },
    })
    const paymentId =
      (data[0] as unknown as { payment_collections?: { payments?: { id: string }[] }[] } | undefined)?.payment_collections?.[0]?.payments?.[0]?.id ?? null
    const what =
      voucher.kind === "services"
        ? (voucher.services ?? [])
            .map((service) => (service.option_title && service.option_title !== service.title ? `${service.title} (${service.option_title})` : service.title))
            .join(", ")
        : formatMoney(Number(voucher.value), voucher.currency_code)
    const value = MathBN.convert(voucher.value).toString()
    return new StepResponse<Draft>({
      existing_id: null,
      invoice: {
        customer_id: voucher.buyer_customer_id,
        payer_id: voucher.buyer_customer_id,
        booking_id: null,
        order_id: voucher.order_id,
        business_profile_id: null,
        currency_code: voucher.currency_code,
        bill_to: await billTo(container, { customer_id: voucher.buyer_customer_id, business_profile_id: null, location: null }),
        seller: await invoiceSeller(container),
        lines: [
          {
            description: `Gift voucher for ${voucher.recipient_name}: ${what}`.slice(0, 500),
            booking_id: null,
            booking_number: null,
            visit_date: null,
            visit_address: null,
            quantity: 1,
            unit_price: value,
            tax_rate: "0",
            tax_code: null,
          },
        ],
      },
      payment: { amount: value, medusa_payment_id: paymentId, card: input.card },
    })
  }
)

/**
 * A bought voucher's invoice: made, issued (numbered) and marked paid by the card charged at
 * purchase before its email goes, so the buyer gets it showing nothing to pay. Once per voucher,
 * under a lock, whoever asks.
 */
export const createVoucherInvoiceWorkflow = createWorkflow(
  "create-gift-voucher-invoice",
  (input: { voucher_id: string; card: { brand: string; last4: string } | null }) => {
    const lockKey = transform({ input }, ({ input }) => `gift-voucher-invoice:${input.voucher_id}`)
    acquireLockStep({ key: lockKey, timeout: 10, ttl: 60 })
    const built = buildVoucherInvoiceStep(input)
    const created = when({ built }, ({ built }) => !!built.invoice).then(() => createInvoiceStep(transform({ built }, ({ built }) => built.invoice!)))
    when({ created, built }, ({ created }) => !!created).then(() => {
      issueInvoiceWorkflow.runAsStep({ input: transform({ created }, ({ created }) => ({ invoice_id: created!.id, notify: false })) })
      recordInvoicePaymentStep(
        transform({ created, built, input }, ({ created, built, input }) => ({
          invoice_id: created!.id,
          kind: "payment" as const,
          method: "card" as const,
          amount: built.payment!.amount,
          card: built.payment!.card,
          medusa_payment_id: built.payment!.medusa_payment_id,
          reference: "Paid when bought",
          idempotency_key: `gift-voucher-sale:${input.voucher_id}`,
        }))
      )
      emitEventStep({ eventName: INVOICE_ISSUED, data: transform({ created }, ({ created }) => ({ id: created!.id, actor: null })) })
    })
    releaseLockStep({ key: lockKey })
    return new WorkflowResponse(transform({ built, created }, ({ built, created }) => ({ invoice_id: created?.id ?? built.existing_id })))
  }
)
