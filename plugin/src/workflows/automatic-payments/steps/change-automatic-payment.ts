import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { INVOICES_MODULE, type InvoicesModuleService } from "../../../modules/invoices"
import { cardName, listSavedCards, requireCardPayments } from "../../../utils/saved-cards"
import type { ActivityActor } from "../../customer-profile/activity"
import type { ActivityEntry } from "../../customer-profile/steps/record-activity"

export const changeAutomaticPaymentStepId = "change-automatic-payment"

export type ChangeAutomaticPaymentInput = { customer_id: string; enabled: boolean; actor: ActivityActor }

type Previous = { id: string; created: boolean; row: Record<string, unknown> } | null

/**
 * Turns automatic payment on (the customer's own agreement, with their default saved card) or off
 * (the customer or staff), noting when and by whom. Staff can't turn it on: the agreement to be
 * charged without being asked is the customer's to give (docs/decisions/automatic-payment.md).
 * Returns the history line, or none when nothing changed.
 */
export const changeAutomaticPaymentStep = createStep(
  changeAutomaticPaymentStepId,
  async (input: ChangeAutomaticPaymentInput, { container }) => {
    const invoices: InvoicesModuleService = container.resolve(INVOICES_MODULE)
    const [current] = await invoices.listAutomaticPayments({ customer_id: input.customer_id }, { take: 1 })
    const now = new Date()
    if (input.enabled) {
      if (input.actor.type !== "customer") {
        throw new MedusaError(
          MedusaError.Types.NOT_ALLOWED,
          "Only the customer can turn on automatic payment, from their portal: it is their agreement to be charged."
        )
      }
      requireCardPayments(container)
      const saved = await listSavedCards(container, input.customer_id)
      const card = saved.cards.find((item) => item.id === saved.default_card_id)
      if (!card) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "Add a card first: automatic payment charges your default saved card.")
      if (current?.enabled) return new StepResponse<ActivityEntry[], Previous>([], null)
      const changes = { enabled: true, consented_at: now, consented_by: input.actor as Record<string, unknown>, consented_card: cardName(card) }
      const previous: Previous = current ? { id: current.id, created: false, row: pick(current) } : null
      const saved_ = current
        ? await invoices.updateAutomaticPayments({ id: current.id, ...changes })
        : await invoices.createAutomaticPayments({ customer_id: input.customer_id, ...changes })
      const entry: ActivityEntry = {
        customer_id: input.customer_id,
        kind: "automatic_payment_on",
        message: `Automatic payment turned on: invoices are charged to the default card (${cardName(card)}) on their due date.`,
        data: { card: cardName(card), card_id: card.id },
        actor: input.actor,
      }
      return new StepResponse([entry], previous ?? { id: saved_.id, created: true, row: {} })
    }
    if (!current?.enabled) return new StepResponse<ActivityEntry[], Previous>([], null)
    await invoices.updateAutomaticPayments({ id: current.id, enabled: false, turned_off_at: now, turned_off_by: input.actor as Record<string, unknown> })
    const entry: ActivityEntry = {
      customer_id: input.customer_id,
      kind: "automatic_payment_off",
      message:
        input.actor.type === "staff"
          ? `Automatic payment turned off by ${input.actor.name ?? input.actor.email ?? "staff"}: invoices are no longer charged automatically.`
          : "Automatic payment turned off: invoices are no longer charged automatically.",
      data: null,
      actor: input.actor,
    }
    return new StepResponse([entry], { id: current.id, created: false, row: pick(current) })
  },
  async (previous, { container }) => {
    if (!previous) return
    const invoices: InvoicesModuleService = container.resolve(INVOICES_MODULE)
    if (previous.created) await invoices.deleteAutomaticPayments(previous.id)
    else await invoices.updateAutomaticPayments({ id: previous.id, ...previous.row })
  }
)

function pick(row: Record<string, unknown>) {
  const { enabled, consented_at, consented_by, consented_card, turned_off_at, turned_off_by } = row
  return { enabled, consented_at, consented_by, consented_card, turned_off_at, turned_off_by }
}
