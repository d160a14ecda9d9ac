import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, emitEventStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { BOOKING_CONFLICT_CODES } from "@fieldservice/contract"
import { BOOKING_MODULE, type BookingModuleService } from "../../modules/booking"
import type { ActivityActor } from "../customer-profile/activity"
import { recordActivityStep, type ActivityEntry } from "../customer-profile/steps/record-activity"
import { type AdminBookingRecord, BOOKING_CUSTOMER_LINKED, findAdminBooking, visitName } from "./admin-booking-record"

export const prepareBookingCustomerLinkStepId = "prepare-booking-customer-link"
export const setBookingCustomerStepId = "set-booking-customer"
export const linkBookingToCustomerWorkflowId = "link-booking-to-customer"

export type LinkBookingToCustomerInput = { booking_id: string; customer_id: string; actor?: ActivityActor | string | null }

type Customer = { id: string; email: string; first_name: string | null; last_name: string | null }
type Link = { booking: AdminBookingRecord; customer: Customer }

/** Only a guest booking can be linked (moving a customer's booking to another is a merge), and only to a customer who isn't deleted. */
const prepareLinkStep = createStep(prepareBookingCustomerLinkStepId, async (input: LinkBookingToCustomerInput, { container }) => {
  const booking = await findAdminBooking(container.resolve(BOOKING_MODULE), input.booking_id)
  const [customer] = (await container
    .resolve(Modules.CUSTOMER)
    .listCustomers({ id: input.customer_id }, { take: 1, select: ["id", "email", "first_name", "last_name"] })) as Customer[]
  if (!customer) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Customer ${input.customer_id} was not found`)
  if (booking.customer_id) {
    throw new MedusaError(
      MedusaError.Types.CONFLICT,
      booking.customer_id === customer.id
        ? `Booking ${booking.booking_number} already belongs to this customer.`
        : `Booking ${booking.booking_number} already belongs to a customer. To move it, merge the two customers.`,
      BOOKING_CONFLICT_CODES.alreadyLinked
    )
  }
  return new StepResponse<Link>({ booking, customer })
})

const setBookingCustomerStep = createStep(
  setBookingCustomerStepId,
  async (input: { id: string; customer_id: string }, { container }) => {
    const bookings: BookingModuleService = container.resolve(BOOKING_MODULE)
    const updated = await bookings.updateBookings({ id: input.id, customer_id: input.customer_id })
    return new StepResponse(updated, input.id)
  },
  async (id, { container }) => {
    if (!id) return
    const bookings: BookingModuleService = container.resolve(BOOKING_MODULE)
    await bookings.updateBookings({ id, customer_id: null })
  }
)

/**
 * Staff link a guest booking to the customer it was for ("Link to customer" on the booking page):
 * made with another email, or before the customer confirmed theirs. It then shows on the
 * customer's page and in their portal, with a line in their history.
 */
export const linkBookingToCustomerWorkflow = createWorkflow(linkBookingToCustomerWorkflowId, (input: LinkBookingToCustomerInput) => {
  const lockKey = transform({ input }, ({ input }) => `booking:${input.booking_id}`)
  acquireLockStep({ key: lockKey, timeout: 10, ttl: 30 })
  const link = prepareLinkStep(input)
  const updated = setBookingCustomerStep(transform({ link }, ({ link }) => ({ id: link.booking.id, customer_id: link.customer.id })))
  recordActivityStep(
    transform({ link, input }, ({ link, input }): ActivityEntry[] => [
      {
        customer_id: link.customer.id,
        kind: "booking_linked",
        message: `Guest ${visitName(link.booking)}, made with ${link.booking.email}, was linked to this customer.`,
        data: { booking_id: link.booking.id, email: link.booking.email },
        actor: input.actor ?? null,
      },
    ])
  )
  releaseLockStep({ key: lockKey })
  emitEventStep({
    eventName: BOOKING_CUSTOMER_LINKED,
    data: transform({ link }, ({ link }) => ({ id: link.booking.id, customer_id: link.customer.id })),
  })
  return new WorkflowResponse(updated)
})
