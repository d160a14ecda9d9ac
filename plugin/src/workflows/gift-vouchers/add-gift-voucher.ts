import { MedusaError } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { formatMoney } from "@fieldservice/contract"
import { GIFT_VOUCHERS_MODULE, type GiftVouchersModuleService } from "../../modules/gift-vouchers"
import { type GiftCardRow, LOYALTY_MODULE } from "../../queries/gift-vouchers"
import { recordActivityStep } from "../customer-profile/steps/record-activity"

type LoyaltyService = { listGiftCards: (filters: Record<string, unknown>, config?: Record<string, unknown>) => Promise<GiftCardRow[]> }

/** Not found, for a code nobody has: the route counts these towards the guessing limit. */
export const UNKNOWN_CODE = "unknown_voucher_code"

/**
 * "Add a voucher by its code": a received voucher joins the customer's account, to be seen in
 * Gift cards and used when booking. A gift card staff made in the admin (the loyalty plugin's
 * Gift cards page) gets its voucher record here, as an amount voucher. A voucher already in
 * another account stays there; adding one twice is harmless.
 */
type Added = { id: string; added: { code: string; value: string } | null }
type Undo = { id: string; created: boolean } | null

const addGiftVoucherStep = createStep(
  "add-gift-voucher",
  async (input: { customer_id: string; code: string }, { container }): Promise<StepResponse<Added, Undo>> => {
    const loyalty = container.resolve<LoyaltyService>(LOYALTY_MODULE)
    const [card] = await loyalty.listGiftCards({ code: input.code }, { take: 1 })
    if (!card) throw new MedusaError(MedusaError.Types.NOT_FOUND, "There is no voucher with that code. Check it and try again.", UNKNOWN_CODE)
    if (card.expires_at && new Date(card.expires_at).getTime() <= Date.now()) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "This voucher has expired, so it can't be added.")
    }
    const vouchers: GiftVouchersModuleService = container.resolve(GIFT_VOUCHERS_MODULE)
    const voucher = await vouchers.retrieveVoucherOfCard(card)
    if (voucher?.disabled_at) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "This voucher has been disabled. Please contact us.")
    if (voucher?.holder_customer_id && voucher.holder_customer_id !== input.customer_id) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "This voucher is already in another account.")
    }
    // What the customer's history says: added now, or nothing (already theirs).
    const added: Added["added"] = { code: card.code, value: formatMoney(Number(card.value), (card as GiftCardRow & { currency_code: string }).currency_code) }
    if (voucher?.holder_customer_id === input.customer_id) return new StepResponse<Added, Undo>({ id: voucher.id, added: null }, null)
    if (voucher) {
      await vouchers.updateGiftVouchers({ id: voucher.id, holder_customer_id: input.customer_id, gift_card_id: card.id })
      return new StepResponse<Added, Undo>({ id: voucher.id, added }, { id: voucher.id, created: false })
    }
    const created = await vouchers.createGiftVouchers({
      kind: "amount",
      currency_code: (card as GiftCardRow & { currency_code: string }).currency_code,
      value: card.value,
      holder_customer_id: input.customer_id,
      recipient_name: "",
      recipient_email: "",
      deliver_on: new Date().toISOString().slice(0, 10),
      delivered_at: new Date(),
      gift_card_id: card.id,
    })
    return new StepResponse<Added, Undo>({ id: created.id, added }, { id: created.id, created: true })
  },
  async (undo: Undo | undefined, { container }) => {
    if (!undo) return
    const vouchers: GiftVouchersModuleService = container.resolve(GIFT_VOUCHERS_MODULE)
    if (undo.created) await vouchers.deleteGiftVouchers(undo.id)
    else await vouchers.updateGiftVouchers({ id: undo.id, holder_customer_id: null })
  }
)

export const addGiftVoucherWorkflow = createWorkflow("add-gift-voucher", (input: { customer_id: string; code: string }) => {
  const result = addGiftVoucherStep(input)
  recordActivityStep(
    transform({ input, result }, ({ input, result }) =>
      result.added
        ? [
            {
              customer_id: input.customer_id,
              kind: "gift_voucher_added",
              message: `Added the ${result.added.value} gift voucher ${result.added.code} to their account.`,
              data: { gift_voucher_id: result.id },
              actor: { type: "customer" as const, id: input.customer_id },
            },
          ]
        : []
    )
  )
  return new WorkflowResponse(transform({ result }, ({ result }) => result.id))
})
