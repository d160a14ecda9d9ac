import type { BigNumberInput, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MathBN, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BOOKING_MODULE, type BookingModuleService } from "../../../modules/booking"
import { QUOTE_RELATIONS, QUOTES_MODULE, type QuoteRow, type QuotesModuleService } from "../../../modules/quotes"
import { loadCustomerQuoteRow, quoteNotFound } from "../../../queries/quotes"
import type { BookingLocationInput, QuotedLine } from "../../booking/booking-cart"
import { quoteMoney } from "../quote-activity"
import { type ActingOn, actingOn } from "./customer-action"

/** The acceptance's columns this work reads (the deposit columns are written by taking the deposit). */
export type AcceptanceState = {
  id: string
  version: number
  option_id: string
  optional_line_ids: string[] | null
  deposit_amount: BigNumberInput
  raw_deposit_amount?: BigNumberInput
  deposit_status: string
  booking_id: string | null
  total: BigNumberInput
  raw_total?: BigNumberInput
}

export const acceptanceOf = (quote: QuoteRow) => (quote.acceptance ?? null) as unknown as AcceptanceState | null

type LineRow = {
  rank: number
  product_id: string | null
  variant_id: string | null
  description: string
  quantity: number
  optional: boolean
  unit_price: unknown
  raw_unit_price?: unknown
}

export type ScheduleQuoteInput = {
  quote_id: string
  /** The customer scheduling their own quote (anyone else's is not found); null when staff do. */
  customer_id: string | null
  starts_at: string
  /** Where, when the quote has no address of its own. */
  location?: BookingLocationInput | null
  saved_card_id?: string | null
  instructions?: string | null
}

export type VisitFromQuote = {
  acting: ActingOn
  acceptance_id: string
  /** A booking made before that no longer stands (cancelled, or let go at the bank's check), replaced by this one. */
  previous_booking_id: string | null
  service_id: string
  variant_id: string
  location: BookingLocationInput
  lines: QuotedLine[]
  paid_deposit: string
  /** The card, unless a paid deposit already covers the whole quote. */
  saved_card_id: string | null
}

const refuse = (message: string, code: string) => new MedusaError(MedusaError.Types.CONFLICT, message, code)

async function loadQuoteRow(container: MedusaContainer, input: ScheduleQuoteInput): Promise<QuoteRow> {
  if (input.customer_id) return loadCustomerQuoteRow(container, input.customer_id, input.quote_id)
  const quotes: QuotesModuleService = container.resolve(QUOTES_MODULE)
  const [row] = await quotes.listQuotes({ id: input.quote_id }, { relations: QUOTE_RELATIONS, take: 1 })
  if (!row) throw quoteNotFound(input.quote_id)
  return row as unknown as QuoteRow
}

/** The lines of the option accepted (its required lines and the optional ones ticked), in their order. */
function acceptedLines(quote: QuoteRow, acceptance: AcceptanceState): LineRow[] {
  const version = (quote.versions ?? []).find((candidate) => candidate.version === acceptance.version)
  const option = (version?.options ?? []).find((candidate) => candidate.id === acceptance.option_id)
  const ticked = acceptance.optional_line_ids ?? []
  const lines = ((option?.lines ?? []) as unknown as (LineRow & { id: string })[]).filter((line) => !line.optional || ticked.includes(line.id))
  return lines.sort((a, b) => a.rank - b.rank)
}

/** The visit's arrival windows are the first service line's service's: that service and option. */
async function firstService(container: MedusaContainer, lines: LineRow[]) {
  const line = lines.find((candidate) => candidate.variant_id)
  if (!line?.variant_id) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      "This quote has no service from our list, so a time can't be booked online. Call the office to arrange the visit."
    )
  }
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "product_variant", fields: ["id", "product.id"], filters: { id: line.variant_id } })
  const product = (data[0] as { product?: { id: string } } | undefined)?.product
  if (!product) throw new MedusaError(MedusaError.Types.INVALID_DATA, "The service on this quote is no longer offered. Call the office to arrange the visit.")
  return { service_id: product.id, variant_id: line.variant_id }
}

/** Whether the visit booked before still stands (not cancelled, not let go at the bank's check). */
async function standingBooking(container: MedusaContainer, bookingId: string | null) {
  if (!bookingId) return null
  const bookings: BookingModuleService = container.resolve(BOOKING_MODULE)
  const [booking] = await bookings.listBookings({ id: bookingId }, { take: 1 })
  return booking && booking.status !== "cancelled" ? booking : null
}

/**
 * Everything booking an accepted quote needs, checked before anything is written: the quote is the
 * customer's (or staff's to book), accepted and not booked yet, any deposit asked for is paid, and
 * it has a service to take the window from and an address (its own, or the one chosen).
 */
export const loadVisitFromQuoteStep = createStep("load-visit-from-quote", async (input: ScheduleQuoteInput, { container }) => {
  const quote = await loadQuoteRow(container, input)
  const acceptance = acceptanceOf(quote)
  if (quote.status !== "accepted" || !acceptance) {
    throw refuse("Only an accepted quote can be booked. Accept the quote first, then choose a time for the visit.", "quote_not_accepted")
  }
  const booked = await standingBooking(container, acceptance.booking_id)
  if (booked) {
    throw refuse(
      `A visit was already booked from this quote (booking ${booked.booking_number}), perhaps in another tab. Change that booking instead.`,
      "quote_already_scheduled"
    )
  }
  const deposit = MathBN.convert(acceptance.raw_deposit_amount ?? acceptance.deposit_amount)
  if (deposit.gt(0) && ["due", "requires_action", "failed"].includes(acceptance.deposit_status) && input.customer_id) {
    throw refuse(`The deposit of ${quoteMoney(quote, deposit)} on this quote isn't paid yet. Pay it first, then book the visit.`, "quote_deposit_due")
  }
  const lines = acceptedLines(quote, acceptance)
  const service = await firstService(container, lines)
  const location: BookingLocationInput | null | undefined = quote.address_id ? { address_id: quote.address_id } : input.location
  if (!location) throw new MedusaError(MedusaError.Types.INVALID_DATA, "Choose where the visit is: this quote has no address.")

  const paid = acceptance.deposit_status === "paid" ? deposit : MathBN.convert(0)
  const total = MathBN.convert(acceptance.raw_total ?? acceptance.total)
  const visit: VisitFromQuote = {
    acting: await actingOn(container, quote),
    acceptance_id: acceptance.id,
    previous_booking_id: acceptance.booking_id,
    ...service,
    location,
    lines: lines.map((line) => ({
      variant_id: line.variant_id,
      title: line.description,
      quantity: line.quantity,
      unit_price: MathBN.convert((line.raw_unit_price ?? line.unit_price) as number).toString(),
    })),
    paid_deposit: paid.toString(),
    saved_card_id: paid.gt(0) && paid.gte(total) ? null : (input.saved_card_id ?? null),
  }
  return new StepResponse(visit)
})

/**
 * The booking made is the acceptance's, once: the row moves only from the booking it was read with
 * (none, or one that no longer stands), so two tabs get one booking. Put back if a later step fails.
 */
export const setQuoteBookingStep = createStep(
  "set-quote-booking",
  async (input: { acceptance_id: string; booking_id: string; previous_booking_id: string | null }, { container }) => {
    const quotes: QuotesModuleService = container.resolve(QUOTES_MODULE)
    const [current] = await quotes.listQuoteAcceptances({ id: input.acceptance_id }, { select: ["id", "booking_id", "scheduled_at"], take: 1 })
    if (!current || (current.booking_id ?? null) !== input.previous_booking_id) {
      throw refuse("A visit was just booked from this quote, perhaps in another tab. Nothing else was booked.", "quote_already_scheduled")
    }
    await quotes.updateQuoteAcceptances({ id: input.acceptance_id, booking_id: input.booking_id, scheduled_at: new Date() })
    return new StepResponse({ scheduled: true }, { id: input.acceptance_id, booking_id: input.previous_booking_id, scheduled_at: current.scheduled_at ?? null })
  },
  async (before, { container }) => {
    if (!before) return
    const quotes: QuotesModuleService = container.resolve(QUOTES_MODULE)
    await quotes.updateQuoteAcceptances(before)
  }
)
