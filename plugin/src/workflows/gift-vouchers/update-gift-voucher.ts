import { MedusaError } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { type AdminGiftVoucherUpdateForm, formatLongDate, formatMoney } from "@fieldservice/contract"
import { GIFT_VOUCHERS_MODULE, type GiftVoucherRow, type GiftVouchersModuleService } from "../../modules/gift-vouchers"
import { SERVICES_MODULE, type ServicesModuleService } from "../../modules/services"
import { addDays, zonedTime } from "../../modules/services/time-zone"
import { giftCardsOf, LOYALTY_MODULE } from "../../queries/gift-vouchers"
import type { ActivityActor } from "../customer-profile/activity"
import { type ActivityEntry, recordActivityStep } from "../customer-profile/steps/record-activity"
import { businessToday } from "../quotes/quote-content"

export type UpdateGiftVoucherInput = AdminGiftVoucherUpdateForm & { id: string; actor: ActivityActor }

type LoyaltyService = { updateGiftCards: (data: { id: string; expires_at: Date | null }) => Promise<unknown> }
type Before = { voucher: Pick<GiftVoucherRow, "id" | "disabled_at" | "note">; card: { id: string; expires_at: Date | null } | null }
type Changed = { voucher: GiftVoucherRow; lines: { kind: string; message: string }[] }

const refuse = (message: string) => new MedusaError(MedusaError.Types.INVALID_DATA, message)

/** The end of `day` in the business's calendar: a voucher can be used all of its last day. */
function endOfDay(day: string, timeZone: string): Date {
  const [year, month, date] = day.split("-").map(Number)
  const parsed = new Date(Date.UTC(year, month - 1, date))
  if (parsed.toISOString().slice(0, 10) !== day) throw refuse("The expiry is not a real date")
  return zonedTime(addDays({ year, month, day: date }, 1), 0, timeZone)
}

/**
 * Staff change a voucher: its last day (on the loyalty plugin's gift card; today or later), disable
 * it (it can't be added or used) or enable it again, or their note. Undone if a later step fails.
 */
const changeVoucherStep = createStep(
  "change-gift-voucher",
  async (input: UpdateGiftVoucherInput, { container }): Promise<StepResponse<Changed, Before>> => {
    const vouchers: GiftVouchersModuleService = container.resolve(GIFT_VOUCHERS_MODULE)
    const [voucher] = (await vouchers.listGiftVouchers({ id: input.id }, { take: 1 })) as unknown as GiftVoucherRow[]
    if (!voucher) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Gift voucher ${input.id} was not found`)
    const services: ServicesModuleService = container.resolve(SERVICES_MODULE)
    const money = formatMoney(Number(voucher.value), voucher.currency_code)
    const lines: Changed["lines"] = []
    const before: Before = { voucher: { id: voucher.id, disabled_at: voucher.disabled_at, note: voucher.note }, card: null }

    if (input.expires_on !== undefined) {
      const card = (await giftCardsOf(container, [voucher])).get(voucher.id)
      if (!card) throw refuse("This voucher has no code yet (it is still being made), so its expiry can't be changed. Try again in a minute.")
      if (input.expires_on < businessToday(container)) throw refuse("The expiry can't be in the past. Choose today or a later day.")
      const expiresAt = endOfDay(input.expires_on, services.timeZone)
      before.card = { id: card.id, expires_at: card.expires_at ? new Date(card.expires_at) : null }
      await container.resolve<LoyaltyService>(LOYALTY_MODULE).updateGiftCards({ id: card.id, expires_at: expiresAt })
      lines.push({
        kind: "gift_voucher_expiry_changed",
        message: `The ${money} gift voucher ${card.code} is now valid until ${formatLongDate(`${input.expires_on}T12:00:00Z`, services.timeZone)}.`,
      })
    }
    const update: Partial<GiftVoucherRow> = {}
    if (input.disabled !== undefined && input.disabled !== !!voucher.disabled_at) {
      update.disabled_at = input.disabled ? new Date() : null
      lines.push(
        input.disabled
          ? {
              kind: "gift_voucher_disabled",
              message: `The ${money} gift voucher for ${voucher.recipient_name || "its holder"} was disabled: it can't be added or used.`,
            }
          : { kind: "gift_voucher_enabled", message: `The ${money} gift voucher for ${voucher.recipient_name || "its holder"} was enabled again.` }
      )
    }
    if (input.note !== undefined && input.note !== voucher.note) {
      update.note = input.note
      lines.push({
        kind: "gift_voucher_note",
        message: input.note ? `Note on the ${money} gift voucher: ${input.note}` : `The note on the ${money} gift voucher was removed.`,
      })
    }
    if (Object.keys(update).length) await vouchers.updateGiftVouchers({ id: voucher.id, ...update } as never)
    const after = (await vouchers.retrieveGiftVoucher(voucher.id)) as unknown as GiftVoucherRow
    return new StepResponse<Changed, Before>({ voucher: after, lines }, before)
  },
  async (before: Before | undefined, { container }) => {
    if (!before) return
    const vouchers: GiftVouchersModuleService = container.resolve(GIFT_VOUCHERS_MODULE)
    await vouchers.updateGiftVouchers(before.voucher as never)
    if (before.card) await container.resolve<LoyaltyService>(LOYALTY_MODULE).updateGiftCards(before.card)
  }
)

export const updateGiftVoucherWorkflow = createWorkflow("update-gift-voucher", (input: UpdateGiftVoucherInput) => {
  const changed = changeVoucherStep(input)
  recordActivityStep(
    transform({ changed, input }, ({ changed, input }): ActivityEntry[] => {
      const { voucher } = changed
      const customers = [...new Set([voucher.buyer_customer_id, voucher.holder_customer_id].filter((id): id is string => !!id))]
      return customers.flatMap((customer_id) =>
        changed.lines.map((line) => ({ customer_id, ...line, data: { gift_voucher_id: voucher.id }, actor: input.actor }))
      )
    })
  )
  return new WorkflowResponse(transform({ changed }, ({ changed }) => ({ id: changed.voucher.id })))
})
