import { MathBN, MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createGiftCardsWorkflow } from "@medusajs/loyalty-plugin/workflows"
import type { ModuleCreateGiftCard } from "@medusajs/loyalty-plugin/types"
import { type AdminGiftVoucherIssueForm, formatMoney } from "@fieldservice/contract"
import { GIFT_VOUCHERS_MODULE, type GiftVouchersModuleService } from "../../modules/gift-vouchers"
import { SERVICES_MODULE, type ServicesModuleService } from "../../modules/services"
import { voucherExpiry } from "../../utils/gift-voucher-emails"
import type { ActivityActor } from "../customer-profile/activity"
import { recordActivityStep } from "../customer-profile/steps/record-activity"
import { businessToday, storeCurrency } from "../quotes/quote-content"

export type IssueGiftVoucherInput = AdminGiftVoucherIssueForm & { actor: ActivityActor }

type Prepared = { currency_code: string; value: string; today: string; expires_at: string }

/** The voucher's currency, value and expiry (Settings → Gift vouchers' validity, from today); the customer must exist. */
const prepareIssueStep = createStep("prepare-staff-gift-voucher", async (input: IssueGiftVoucherInput, { container }) => {
  if (input.customer_id) {
    const [customer] = await container.resolve(Modules.CUSTOMER).listCustomers({ id: input.customer_id }, { take: 1, select: ["id"] })
    if (!customer) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Customer ${input.customer_id} was not found`)
  }
  const vouchers: GiftVouchersModuleService = container.resolve(GIFT_VOUCHERS_MODULE)
  const services: ServicesModuleService = container.resolve(SERVICES_MODULE)
  const settings = await vouchers.getVoucherSettings()
  const today = businessToday(container)
  const value = MathBN.convert(input.amount).toString()
  if (!MathBN.gt(value, 0)) throw new MedusaError(MedusaError.Types.INVALID_DATA, "The amount must be more than zero")
  return new StepResponse<Prepared>({
    currency_code: await storeCurrency(container),
    value,
    today,
    expires_at: voucherExpiry(today, settings.validity_months, services.timeZone).toISOString(),
  })
})

/** Our record of it, naming its gift card, who it is for and the staff member who issued it. */
const createIssuedVoucherStep = createStep(
  "create-staff-gift-voucher",
  async (input: { issue: IssueGiftVoucherInput; prepared: Prepared; gift_card_id: string }, { container }) => {
    const vouchers: GiftVouchersModuleService = container.resolve(GIFT_VOUCHERS_MODULE)
    const { issue, prepared } = input
    const voucher = await vouchers.createGiftVouchers({
      kind: "amount",
      currency_code: prepared.currency_code,
      value: prepared.value as unknown as number,
      holder_customer_id: issue.customer_id,
      recipient_name: issue.recipient_name,
      recipient_email: issue.recipient_email,
      message: issue.message,
      deliver_on: prepared.today,
      gift_card_id: input.gift_card_id,
      issued_by: issue.actor.id ?? null,
    })
    return new StepResponse({ id: voucher.id }, voucher.id)
  },
  async (id, { container }) => {
    if (!id) return
    const vouchers: GiftVouchersModuleService = container.resolve(GIFT_VOUCHERS_MODULE)
    await vouchers.deleteGiftVouchers(id)
  }
)

/**
 * Gift vouchers → Issue voucher (an apology, a prize): a loyalty-plugin gift card worth the amount
 * (reference "staff"), valid as long as Settings → Gift vouchers says, our record of it (in the
 * customer's account when one is given) and a line in that customer's history. The caller then
 * emails it at once (deliverGiftVoucher).
 */
export const issueGiftVoucherWorkflow = createWorkflow("issue-gift-voucher", (input: IssueGiftVoucherInput) => {
  const prepared = prepareIssueStep(input)
  const cards = createGiftCardsWorkflow.runAsStep({
    input: transform(
      { input, prepared },
      ({ input, prepared }) =>
        [
          {
            value: prepared.value as unknown as number,
            currency_code: prepared.currency_code,
            expires_at: prepared.expires_at,
            reference: "staff",
            reference_id: input.actor.id ?? "staff",
            note: `Issued by ${input.actor.name ?? input.actor.email ?? "staff"} for ${input.recipient_name}`,
          },
          // No code: the plugin makes one. The voucher, not the card, says whose account holds it.
        ] as unknown as ModuleCreateGiftCard[]
    ),
  })
  const voucher = createIssuedVoucherStep(
    transform({ input, prepared, cards }, ({ input, prepared, cards }) => ({
      issue: input,
      prepared,
      gift_card_id: (cards as unknown as { id: string }[])[0].id,
    }))
  )
  recordActivityStep(
    transform({ input, prepared, voucher }, ({ input, prepared, voucher }) =>
      input.customer_id
        ? [
            {
              customer_id: input.customer_id,
              kind: "gift_voucher_issued",
              message: `A ${formatMoney(Number(prepared.value), prepared.currency_code)} gift voucher was given to them and emailed to ${input.recipient_email}.`,
              data: { gift_voucher_id: voucher.id },
              actor: input.actor,
            },
          ]
        : []
    )
  )
  return new WorkflowResponse(voucher)
})
