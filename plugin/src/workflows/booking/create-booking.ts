import type { IAuthModuleService } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { BOOKING_MODULE, type BookingModuleService, generateBookingNumber } from "../../modules/booking"
import { BOOKING_NUMBER_PROVIDER } from "../../providers/booking-number/service"
import { type ActivityActor, SYSTEM_ACTOR } from "../customer-profile/activity"
import { recordActivityStep } from "../customer-profile/steps/record-activity"
import { bookingActivityStep } from "./booking-activity"
import { findVerifiedCustomerStep } from "./steps/verified-customer"

export type CreateBookingInput = {
  email: string
  customer_id?: string | null
  service_title: string
  starts_at: Date
  ends_at: Date
  location_text?: string | null
  status?: "requested" | "confirmed"
  option_title?: string | null
  product_id?: string | null
  variant_id?: string | null
  address_id?: string | null
  location?: Record<string, unknown> | null
  contact?: Record<string, unknown> | null
  business_profile_id?: string | null
  additional_contact_id?: string | null
  dependent_ids?: string[]
  instructions?: string | null
  /** The saved card charged for the visit: { id, brand, last4, exp_month, exp_year }, never the number. */
  card?: Record<string, unknown> | null
  /** A visit of a recurring series, and the date of the rule it stands for. */
  series_id?: string | null
  occurrence?: string | null
  /** Booked from an accepted quote: its id and number. */
  quote_id?: string | null
  quote_number?: string | null
  /** Only for fixed demo data; bookings otherwise get a fresh random number. */
  booking_number?: string
  /** Who took the booking, for the customer's activity history (the system when not given). */
  actor?: ActivityActor
}

export const createBookingRecordStep = createStep(
  "create-booking-record",
  async (input: CreateBookingInput, { container }) => {
    const bookings: BookingModuleService = container.resolve(BOOKING_MODULE)
    const booking = await bookings.createBookings({
      ...input,
      email: input.email.toLowerCase(),
      booking_number: input.booking_number ?? generateBookingNumber(),
    })
    return new StepResponse(booking, booking.id)
  },
  async (id: string | undefined, { container }) => {
    if (!id) return
    const bookings: BookingModuleService = container.resolve(BOOKING_MODULE)
    await bookings.deleteBookings(id)
  }
)

/** The booking number becomes a login (with the booking's email) for "log in with booking number". */
export const registerBookingNumberLoginStep = createStep(
  "register-booking-number-login",
  async (input: { booking_number: string; email: string }, { container }) => {
    const auth: IAuthModuleService = container.resolve(Modules.AUTH)
    const [identity] = await auth.createAuthIdentities([
      {
        provider_identities: [{ provider: BOOKING_NUMBER_PROVIDER, entity_id: input.booking_number, provider_metadata: { email: input.email } }],
      },
    ])
    return new StepResponse(identity, identity.id)
  },
  async (id: string | undefined, { container }) => {
    if (!id) return
    const auth: IAuthModuleService = container.resolve(Modules.AUTH)
    await auth.deleteAuthIdentities([id])
  }
)

export const createBookingWorkflow = createWorkflow("create-booking", (input: CreateBookingInput) => {
  // A booking taken without an account (by phone, say) belongs to the customer whose confirmed email it was made with.
  const customerId = findVerifiedCustomerStep(transform({ input }, ({ input }) => ({ email: input.email, customer_id: input.customer_id ?? null })))
  const booking = createBookingRecordStep(
    transform({ input, customerId }, ({ input, customerId }) => {
      const { actor: _actor, ...data } = input
      return { ...data, customer_id: customerId }
    })
  )
  registerBookingNumberLoginStep(transform({ booking }, ({ booking }) => ({ booking_number: booking.booking_number, email: booking.email })))
  recordActivityStep(
    bookingActivityStep(
      transform({ booking, input }, ({ booking, input }) => ({ booking_id: booking.id, kind: "booking_placed" as const, actor: input.actor ?? SYSTEM_ACTOR }))
    )
  )
  return new WorkflowResponse(booking)
})

/**
 * Bookings made as a guest with this email now belong to the customer's account (none when the
 * email is null: not confirmed). With `include_unregistered`, so do those the office put on a
 * customer record of the same email that has no login (Priya's phone booking): the booking number
 * proved the person holds them.
 */
export const claimBookingsStep = createStep(
  "claim-guest-bookings",
  async (input: { email: string | null; customer_id: string; include_unregistered?: boolean }, { container }) => {
    if (!input.email) return new StepResponse({ count: 0, from_customer_ids: [] as string[] }, [] as { id: string; customer_id: string | null }[])
    const email = input.email.toLowerCase()
    const bookings: BookingModuleService = container.resolve(BOOKING_MODULE)
    const unregistered = input.include_unregistered
      ? (await container.resolve(Modules.CUSTOMER).listCustomers({ email, has_account: false }, { select: ["id"] })).map(({ id }) => id)
      : []
    const owners = unregistered.length ? { $or: [{ customer_id: null }, { customer_id: unregistered }] } : { customer_id: null }
    const unclaimed = await bookings.listBookings({ email, ...owners }, { select: ["id", "customer_id"] })
    if (unclaimed.length) {
      await bookings.updateBookings(unclaimed.map(({ id }) => ({ id, customer_id: input.customer_id })))
    }
    // The records without a login the bookings left, for a line in their history too.
    const from = [...new Set(unclaimed.flatMap(({ customer_id }) => (customer_id ? [customer_id] : [])))]
    return new StepResponse(
      { count: unclaimed.length, from_customer_ids: from },
      unclaimed.map(({ id, customer_id }) => ({ id, customer_id }))
    )
  },
  async (previous, { container }) => {
    if (!previous?.length) return
    const bookings: BookingModuleService = container.resolve(BOOKING_MODULE)
    await bookings.updateBookings(previous)
  }
)
