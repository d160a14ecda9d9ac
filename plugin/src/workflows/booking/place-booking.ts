import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import {
  acquireLockStep,
  createCartWorkflow,
  createPaymentCollectionForCartWorkflow,
  createCartCreditLinesWorkflow,
  createPaymentSessionsWorkflow,
  releaseLockStep,
} from "@medusajs/medusa/core-flows"
import type { BookingModuleService } from "../../modules/booking"
import { CUSTOMER_PROFILE_MODULE, type CustomerProfileModuleService } from "../../modules/customer-profile"
import { DEPENDENTS_MODULE, type DependentsModuleService } from "../../modules/dependents"
import { type BookingParty, SERVICES_MODULE, type ServicesModuleService } from "../../modules/services"
import { cardPaymentsConfigured, retrieveOwnSavedCard, STRIPE_PROVIDER_ID, type CardSummary } from "../../utils/saved-cards"
import { ADDRESS_LABELS, type ActivityActor, addressLine as addressSentence, diffFields, pickFields } from "../customer-profile/activity"
import { recordActivityStep, type ActivityEntry } from "../customer-profile/steps/record-activity"
import { type BookingAddress, type BookingLocationInput, bookingCartInput, checkBookingCartChoices, type QuotedLine } from "./booking-cart"
import { bookingPaymentLockKey, completeBookingWorkflow } from "./complete-booking"
import { createBookingRecordStep, registerBookingNumberLoginStep } from "./create-booking"
import { checkCardPaymentStep } from "./steps/check-card-payment"
import { leaveOutPaidDepositStep } from "./steps/leave-out-paid-deposit"
import { relinkAccountHolderStep } from "./steps/relink-account-holder"
import { locationText } from "./steps/resolve-visit-location"
import { saveVisitLocationStep } from "./steps/save-visit-location"
import { setBookingCartStep } from "./steps/set-booking-cart"
import { checkStoreCreditForBookingStep, checkVoucherForBookingStep, spendVoucherStep, voucherCreditLineStep } from "../gift-vouchers/steps/redeem"
import { paidWithCreditActivity } from "../gift-vouchers/redeem-activity"
import { applyWelcomeDiscountWorkflow } from "../referrals/apply-welcome-discount"

export { BOOKING_PLACED } from "./complete-booking"
export const placeBookingWorkflowId = "place-booking"

export type { BookingAddress } from "./booking-cart"

export type PlaceBookingInput = {
  customer_id: string
  sales_channel_id?: string | null
  service_id: string
  variant_id: string
  starts_at: string
  /** A saved location, or a new address (saved to the customer's locations under `label`). */
  location: BookingLocationInput
  /** Contact details for the visit; missing parts come from the customer's profile. */
  contact?: { name?: string | null; email?: string | null; phone?: string | null }
  business_profile_id?: string | null
  additional_contact_id?: string | null
  dependent_ids?: string[]
  instructions?: string | null
  /**
   * One of the customer's saved cards (Stripe pm_…) to charge: the amount is authorized on it
   * now and captured later. Without one the visit is paid on the day (Medusa's system provider).
   */
  saved_card_id?: string | null
  /**
   * A gift voucher's code (issue #20): a service voucher pays for its service's visit in full, an
   * amount voucher up to its balance; the rest goes on the card or is paid on the day.
   */
  gift_voucher_code?: string | null
  /** Pay with the customer's store credit (referral rewards), after any voucher; the card or the day pays the rest. */
  use_store_credit?: boolean | null
  /** Staff booking for the customer (on the phone) may take windows inside the lead time; the card is charged off-session. */
  by?: BookingParty
  /** Who placed it, for the customer's history; the customer unless staff did. */
  actor?: ActivityActor | null
  /**
   * Only for imports and the demo data (no route accepts it): a booking the business already has,
   * recorded through the same cart → order. It keeps its number, its window is checked as of when
   * it was placed (so a past visit can be recorded), and nobody is sent "booking placed" notices.
   */
  imported?: { booking_number: string; placed_at?: string | null } | null
  /** A visit of a recurring series (its date of the rule): the series' own emails tell of it, so no "booking placed" notices. */
  series?: { id: string; occurrence: string } | null
  /**
   * A visit booked from an accepted quote (scheduleQuoteWorkflow): the booking keeps the quote's id
   * and number, the cart holds the quote's lines at the quoted prices, and a deposit already paid
   * is left out of the card payment (it is credited on the visit's invoice instead).
   */
  quote?: { id: string; number: string; lines: QuotedLine[]; paid_deposit: string } | null
}

/** Pay on the day: Medusa's system payment provider, nothing charged now. */
export const PAY_ON_THE_DAY_PROVIDER_ID = "pp_system_default"

/**
 * Everything the booking refers to, checked before anything is written: the service and option,
 * the location (the customer's own, in the service's area), the business profile, extra contact
 * and dependents (the customer's own: anyone else's is "not found"), and the region to charge in.
 */
const prepareBookingStep = createStep("prepare-booking", async (input: PlaceBookingInput, { container }) => {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: customers } = await query.graph({
    entity: "customer",
    fields: ["id", "email", "first_name", "last_name", "phone", "customer_profile.id"],
    filters: { id: input.customer_id },
  })
  const customer = customers[0] as
    | {
        id: string
        email: string
        first_name: string | null
        last_name: string | null
        phone: string | null
        customer_profile?: { id: string } | null
      }
    | undefined
  if (!customer) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Customer ${input.customer_id} was not found`)

  // What the price depends on, checked as the review step's price checks it.
  const { details, variant, address, address_id, region } = await checkBookingCartChoices(container, input)

  if (input.additional_contact_id) {
    const profiles: CustomerProfileModuleService = container.resolve(CUSTOMER_PROFILE_MODULE)
    if (!customer.customer_profile) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Contact ${input.additional_contact_id} was not found`)
    await profiles.retrieveOwnedAdditionalContact(customer.customer_profile.id, input.additional_contact_id)
  }
  const dependentIds = [...new Set(input.dependent_ids ?? [])]
  if (dependentIds.length) {
    const dependents: DependentsModuleService = container.resolve(DEPENDENTS_MODULE)
    const owned = await dependents.listDependents({ id: dependentIds, customer_id: customer.id }, { select: ["id"] })
    const missing = dependentIds.find((id) => !owned.some((dependent) => dependent.id === id))
    if (missing) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Dependent ${missing} was not found`)
  }

  // The saved card: the customer's own (anyone else's is "not found"), checked with Stripe before anything is written or charged.
  let card: CardSummary | null = null
  if (input.saved_card_id) {
    if (!cardPaymentsConfigured(container)) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "Card payments aren't set up, so saved cards can't be used. Choose to pay on the day.")
    }
    const { data: regionProviders } = await query.graph({ entity: "region", fields: ["id", "payment_providers.id"], filters: { id: region.id } })
    const enabled = ((regionProviders[0] as { payment_providers?: { id: string }[] } | undefined)?.payment_providers ?? []).some(
      (provider) => provider.id === STRIPE_PROVIDER_ID
    )
    if (!enabled) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `Card payments aren't taken for bookings in ${region.name} yet. Choose to pay on the day.`)
    }
    card = (await retrieveOwnSavedCard(container, customer.id, input.saved_card_id)).card
    const now = new Date()
    if (card.exp_year < now.getUTCFullYear() || (card.exp_year === now.getUTCFullYear() && card.exp_month < now.getUTCMonth() + 1)) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `That card expired at the end of ${String(card.exp_month).padStart(2, "0")}/${card.exp_year}. Choose another card.`
      )
    }
  }

  const name = [customer.first_name, customer.last_name].filter(Boolean).join(" ")
  return new StepResponse({
    product_id: variant.product.id,
    service_title: variant.product.title,
    option_title: variant.title,
    duration_minutes: details.duration_minutes,
    region_id: region.id,
    currency_code: details.currency_code,
    email: (input.contact?.email || customer.email).toLowerCase(),
    contact: {
      name: input.contact?.name || name || customer.email,
      email: (input.contact?.email || customer.email).toLowerCase(),
      // The customer's own phone is the primary one.
      phone: input.contact?.phone || customer.phone || null,
    },
    address,
    address_id,
    location_text: locationText(address),
    dependent_ids: dependentIds,
    card,
    payment_provider_id: card ? STRIPE_PROVIDER_ID : PAY_ON_THE_DAY_PROVIDER_ID,
  })
})

/** Takes a place in the arrival window; given back if anything later fails (payment included). */
const reserveBookingWindowStep = createStep(
  "reserve-booking-window",
  async (input: { product_id: string; starts_at: string; by: BookingParty; placed_at?: string | null }, { container }) => {
    const services: ServicesModuleService = container.resolve(SERVICES_MODULE)
    const now = input.placed_at ? new Date(input.placed_at) : new Date()
    const window = await services.reserveWindow(input.product_id, new Date(input.starts_at), now, input.by)
    return new StepResponse(window, { product_id: input.product_id, starts_at: window.starts_at.toISOString() })
  },
  async (reserved, { container }) => {
    if (!reserved) return
    const services: ServicesModuleService = container.resolve(SERVICES_MODULE)
    await services.releaseWindow(reserved.product_id, new Date(reserved.starts_at))
  }
)

/** What placing a booking ends with: the booking, and what the customer's bank still wants. */
export type PlaceBookingResult = {
  booking: Awaited<ReturnType<BookingModuleService["retrieveBooking"]>>
  /** The bank wants the customer to confirm (3-D Secure): the booking is held until they do (confirmBookingPaymentWorkflow). */
  payment_action: { status: "requires_action"; client_secret: string } | null
}

/**
 * A customer books a service: the window is reserved, the booking recorded, and the visit goes
 * through Medusa's cart → payment → order so totals, taxes and payments are Medusa's. If the
 * payment fails, every step is undone: no booking, no held window, no new location. A bank that
 * wants the customer booking on the portal to confirm the payment (3-D Secure) holds the booking
 * (requested, window kept, no order) until the check in their browser has passed.
 */
export const placeBookingWorkflow = createWorkflow(placeBookingWorkflowId, (input: PlaceBookingInput) => {
  const prepared = prepareBookingStep(input)
  const voucher = checkVoucherForBookingStep(
    transform({ input, prepared }, ({ input, prepared }) => ({
      customer_id: input.customer_id,
      code: input.gift_voucher_code,
      variant_id: input.variant_id,
      currency_code: prepared.currency_code,
    }))
  )
  const storeCredit = checkStoreCreditForBookingStep(
    transform({ input, prepared }, ({ input, prepared }) => ({
      customer_id: input.customer_id,
      currency_code: prepared.currency_code,
      use: input.use_store_credit,
    }))
  )
  const window = reserveBookingWindowStep(
    transform({ prepared, input }, ({ prepared, input }) => ({
      product_id: prepared.product_id,
      starts_at: input.starts_at,
      by: input.by ?? "customer",
      placed_at: input.imported?.placed_at ?? null,
    }))
  )

  const newLocation = when({ input }, ({ input }) => "address" in input.location).then(() =>
    saveVisitLocationStep(
      transform({ input }, ({ input }) => {
        const location = input.location as { address: BookingAddress; label?: string | null }
        return { customer_id: input.customer_id, address: location.address, label: location.label ?? null }
      })
    )
  )

  const booking = createBookingRecordStep(
    transform({ input, prepared, window, newLocation }, ({ input, prepared, window, newLocation }) => ({
      email: prepared.email,
      customer_id: input.customer_id,
      status: "requested" as const,
      service_title: prepared.service_title,
      option_title: prepared.option_title,
      product_id: prepared.product_id,
      variant_id: input.variant_id,
      starts_at: window.starts_at,
      ends_at: new Date(new Date(window.starts_at).getTime() + prepared.duration_minutes * 60_000),
      location_text: prepared.location_text,
      location: { ...prepared.address, window_ends_at: window.ends_at },
      address_id: prepared.address_id ?? newLocation?.id ?? null,
      contact: prepared.contact,
      business_profile_id: input.business_profile_id ?? null,
      additional_contact_id: input.additional_contact_id ?? null,
      dependent_ids: prepared.dependent_ids,
      instructions: input.instructions ?? null,
      card: prepared.card,
      booking_number: input.imported?.booking_number,
      series_id: input.series?.id ?? null,
      occurrence: input.series?.occurrence ?? null,
      quote_id: input.quote?.id ?? null,
      quote_number: input.quote?.number ?? null,
    }))
  )
  registerBookingNumberLoginStep(transform({ booking }, ({ booking }) => ({ booking_number: booking.booking_number, email: booking.email })))
  // Stripe's events about this payment wait for the booking to be placed (or held) before finishing it.
  const lockKey = transform({ booking }, ({ booking }) => bookingPaymentLockKey(booking.id))
  acquireLockStep({ key: lockKey, timeout: 30, ttl: 120 })

  const cart = createCartWorkflow.runAsStep({
    input: transform({ input, prepared, booking }, ({ input, prepared, booking }) =>
      bookingCartInput({
        region_id: prepared.region_id,
        sales_channel_id: input.sales_channel_id,
        customer_id: input.customer_id,
        email: prepared.email,
        variant_id: input.variant_id,
        quoted_lines: input.quote?.lines ?? null,
        item_metadata: { booking_id: booking.id },
        metadata: { booking_id: booking.id, booking_number: booking.booking_number },
      })
    ),
  })
  // A referred friend's first booking gets their welcome discount (a Medusa promotion), before any voucher pays.
  applyWelcomeDiscountWorkflow.runAsStep({ input: transform({ cart, input }, ({ cart, input }) => ({ cart_id: cart.id, customer_id: input.customer_id })) })
  // A gift voucher pays first (a credit line Medusa takes off the cart's total); the card or the day pays the rest.
  const voucherCredit = voucherCreditLineStep(
    transform({ cart, voucher, storeCredit }, ({ cart, voucher, storeCredit }) => ({ cart_id: cart.id, voucher, store_credit: storeCredit }))
  )
  when("pay-with-voucher", { voucherCredit }, ({ voucherCredit }) => voucherCredit.lines.length > 0).then(() => {
    createCartCreditLinesWorkflow.runAsStep({ input: transform({ voucherCredit }, ({ voucherCredit }) => voucherCredit.lines) })
  })
  const payment = when("pay-the-rest", { voucherCredit }, ({ voucherCredit }) => voucherCredit.remaining_to_pay).then(() => {
    const collection = createPaymentCollectionForCartWorkflow.runAsStep({
      input: transform({ cart }, ({ cart }) => ({ cart_id: cart.id })),
    })
    // A quote's deposit already paid: the card is held (and the day's payment asked) only for the rest.
    leaveOutPaidDepositStep(
      transform({ collection, input }, ({ collection, input }) => ({ payment_collection_id: collection.id, paid_deposit: input.quote?.paid_deposit ?? null }))
    )
    // Two first bookings at once would both make the customer's payment account holder, and one
    // would fail on the provider's unique key (medusajs/medusa#15593): one at a time per customer.
    const holderLockKey = transform({ input }, ({ input }) => `account-holder:${input.customer_id}`)
    acquireLockStep({ key: holderLockKey, timeout: 30, ttl: 20 }).config({ name: "lock-account-holder" })
    relinkAccountHolderStep(
      transform({ input, prepared }, ({ input, prepared }) => ({ customer_id: input.customer_id, provider_id: prepared.payment_provider_id }))
    )
    const session = createPaymentSessionsWorkflow.runAsStep({
      input: transform({ collection, input, prepared, booking }, ({ collection, input, prepared, booking }) => ({
        payment_collection_id: collection.id,
        provider_id: prepared.payment_provider_id,
        customer_id: input.customer_id,
        // Authorized now (the provider's manual capture) and captured once the visit is done. On the
        // portal the customer is here, confirming (on-session); on the phone they are not (off-session).
        data: prepared.card
          ? {
              payment_method: prepared.card.id,
              payment_method_types: ["card"],
              confirm: true,
              off_session: input.by === "staff" ? true : undefined,
              payment_description: `Booking ${booking.booking_number}: ${prepared.service_title}`,
              metadata: { booking_id: booking.id, booking_number: booking.booking_number },
            }
          : undefined,
      })),
    })
    releaseLockStep({ key: holderLockKey }).config({ name: "unlock-account-holder" })
    return checkCardPaymentStep(transform({ session, input }, ({ session, input }) => ({ session, by: input.by ?? "customer" })))
  })
  // The voucher gives up what it paid (its balance debited under a lock, so two bookings can't both spend the last of it).
  spendVoucherStep(
    transform({ voucher, voucherCredit, storeCredit, booking, input }, ({ voucher, voucherCredit, storeCredit, booking, input }) => ({
      voucher,
      credit: voucherCredit.amount,
      store_credit: storeCredit,
      store_credit_amount: voucherCredit.store_credit_amount,
      booking_id: booking.id,
      customer_id: input.customer_id,
    }))
  )
  // The voucher's and store credit's part in the customer's history.
  recordActivityStep(
    transform({ voucher, voucherCredit, booking, input, prepared }, ({ voucher, voucherCredit, booking, input, prepared }) =>
      paidWithCreditActivity({
        customer_id: input.customer_id,
        actor: input.actor ?? null,
        booking,
        currency_code: prepared.currency_code,
        code: voucher?.code ?? null,
        voucher_amount: voucherCredit.amount,
        store_credit_amount: voucherCredit.store_credit_amount,
      })
    )
  ).config({ name: "record-voucher-activity" })
  const held = setBookingCartStep(transform({ booking, cart }, ({ booking, cart }) => ({ id: booking.id, cart_id: cart.id })))
  // A new address is the customer's at once, whether the booking is made now or waits for the bank.
  recordActivityStep(
    transform({ newLocation, input }, ({ newLocation, input }) => {
      if (!newLocation) return []
      const address = newLocation as unknown as Record<string, unknown>
      const entry: ActivityEntry = {
        customer_id: input.customer_id,
        kind: "address_added",
        message: `Address added while booking: ${addressSentence(address)}.`,
        changes: diffFields(null, pickFields(address, ADDRESS_LABELS), ADDRESS_LABELS),
        data: { address_id: newLocation.id },
        actor: input.actor ?? { type: "customer", id: input.customer_id },
      }
      return [entry]
    })
  )
  const confirmed = when("booking-paid", { payment }, ({ payment }) => payment?.status !== "requires_action").then(() =>
    completeBookingWorkflow.runAsStep({
      input: transform({ booking, cart, input }, ({ booking, cart, input }) => ({
        booking_id: booking.id,
        cart_id: cart.id,
        by: input.by ?? "customer",
        actor: input.actor ?? null,
        // A series visit is told of by the series' own emails; an imported one is news to nobody.
        imported: !!input.imported || !!input.series,
      })),
    })
  )
  releaseLockStep({ key: lockKey })
  return new WorkflowResponse(
    transform({ confirmed, held, payment }, ({ confirmed, held, payment }): PlaceBookingResult => ({
      booking: (confirmed ?? held) as PlaceBookingResult["booking"],
      payment_action:
        payment?.status === "requires_action" && payment.client_secret ? { status: "requires_action", client_secret: payment.client_secret } : null,
    }))
  )
})
