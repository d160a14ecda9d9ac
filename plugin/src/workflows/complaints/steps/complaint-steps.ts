import type { ComplaintCategory, ComplaintSource, ComplaintStatus } from "@fieldservice/contract"
import { MAX_COMPLAINT_PHOTOS } from "@fieldservice/contract"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BOOKING_MODULE, type BookingModuleService } from "../../../modules/booking"
import { COMPLAINTS_MODULE, type ComplaintsModuleService } from "../../../modules/complaints"
import { contentSha256 } from "../../files/attachment-room"

const complaintsOf = (container: { resolve: (key: string) => unknown }) => container.resolve(COMPLAINTS_MODULE) as ComplaintsModuleService

export const complaintNotFound = (id: string) => new MedusaError(MedusaError.Types.NOT_FOUND, `Complaint ${id} was not found`)

export type ComplaintOpening = {
  customer_id: string
  category: ComplaintCategory
  description: string
  booking_id?: string | null
  rating_id?: string | null
  source: ComplaintSource
  /** When the visit must have started by (tests pin it); now by default. */
  now?: Date
}

/**
 * Checks what a complaint is about before it is written: the customer exists, and a visit it names
 * is theirs (another's is the same 404 as none) and has taken place. Answers the visit's number
 * for the history line, and the next complaint number.
 */
export const prepareComplaintStep = createStep("prepare-complaint", async (input: ComplaintOpening, { container }) => {
  const [customer] = await container.resolve(Modules.CUSTOMER).listCustomers({ id: input.customer_id }, { take: 1, select: ["id"] })
  if (!customer) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Customer ${input.customer_id} was not found`)
  let bookingNumber: string | null = null
  if (input.booking_id) {
    const bookings: BookingModuleService = container.resolve(BOOKING_MODULE)
    const [booking] = await bookings.listBookings({ id: input.booking_id, customer_id: input.customer_id }, { take: 1 })
    if (!booking) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Visit ${input.booking_id} was not found`)
    const started = new Date(booking.starts_at).getTime() <= (input.now ?? new Date()).getTime()
    if (!started && booking.status !== "in_progress" && booking.status !== "completed") {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Visit ${booking.booking_number} has not taken place yet. You can report a problem with a visit once it has started; to change it, open the booking.`
      )
    }
    bookingNumber = booking.booking_number
  }
  const number = await complaintsOf(container).nextComplaintNumber()
  return new StepResponse({ number, booking_number: bookingNumber })
})

/** Writes the complaint; removed again if a later step fails. */
export const createComplaintStep = createStep(
  "create-complaint",
  async (input: ComplaintOpening & { number: string }, { container }) => {
    const { now: _now, ...values } = input
    const created = await complaintsOf(container).createComplaints({
      ...values,
      booking_id: values.booking_id ?? null,
      rating_id: values.rating_id ?? null,
      status: "open",
    })
    return new StepResponse(created, created.id)
  },
  async (id, { container }) => {
    if (id) await complaintsOf(container).deleteComplaints(id)
  }
)

export type ComplaintState = {
  id: string
  number: string
  customer_id: string
  status: ComplaintStatus
  assigned_user_id: string | null
  resolution_note: string | null
  resolved_at: Date | null
  closed_at: Date | null
}

const STATE_FIELDS = ["id", "number", "customer_id", "status", "assigned_user_id", "resolution_note", "resolved_at", "closed_at"] as const

async function loadState(container: { resolve: (key: string) => unknown }, id: string, customerId?: string) {
  const filters: Record<string, string> = { id }
  if (customerId) filters.customer_id = customerId
  const [complaint] = await complaintsOf(container).listComplaints(filters, { take: 1, select: [...STATE_FIELDS] })
  if (!complaint) throw complaintNotFound(id)
  return complaint as unknown as ComplaintState
}

/**
 * Moves the complaint to a new status: resolved keeps the note and the time, closed the time, back
 * to open or in progress clears them. The same status again is refused. Put back if a later step fails.
 */
export const changeComplaintStatusStep = createStep(
  "change-complaint-status",
  async (input: { id: string; status: ComplaintStatus; note?: string | null; now?: Date }, { container }) => {
    const before = await loadState(container, input.id)
    if (before.status === input.status) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Complaint ${before.number} is already ${input.status.replace("_", " ")}.`)
    }
    const now = input.now ?? new Date()
    const update: Partial<ComplaintState> & { id: string } = { id: before.id, status: input.status }
    if (input.status === "resolved") Object.assign(update, { resolution_note: input.note ?? null, resolved_at: now, closed_at: null })
    else if (input.status === "closed") Object.assign(update, { closed_at: now, ...(input.note ? { resolution_note: input.note } : {}) })
    else Object.assign(update, { resolved_at: null, closed_at: null })
    await complaintsOf(container).updateComplaints(update)
    return new StepResponse({ before, after: { ...before, ...update } as ComplaintState }, before)
  },
  async (before, { container }) => {
    if (!before) return
    const { number: _number, customer_id: _customer, ...values } = before
    await complaintsOf(container).updateComplaints(values)
  }
)

/** Gives the complaint to a staff member (who must exist), or to no one; put back if a later step fails. */
export const assignComplaintStep = createStep(
  "assign-complaint",
  async (input: { id: string; assigned_user_id: string | null }, { container }) => {
    const before = await loadState(container, input.id)
    let assignee: { id: string; name: string } | null = null
    if (input.assigned_user_id) {
      const [user] = await container.resolve(Modules.USER).listUsers({ id: input.assigned_user_id }, { take: 1 })
      if (!user) throw new MedusaError(MedusaError.Types.INVALID_DATA, `There is no staff member ${input.assigned_user_id}.`)
      assignee = { id: user.id, name: [user.first_name, user.last_name].filter(Boolean).join(" ") || user.email }
    }
    await complaintsOf(container).updateComplaints({ id: before.id, assigned_user_id: input.assigned_user_id })
    return new StepResponse({ before, assignee }, { id: before.id, assigned_user_id: before.assigned_user_id })
  },
  async (previous, { container }) => {
    if (previous) await complaintsOf(container).updateComplaints(previous)
  }
)

/** The complaint a photo goes on (the customer's own when they add it), once it has room and not this file yet. */
export const checkComplaintPhotoRoomStep = createStep(
  "check-complaint-photo-room",
  async (input: { complaint_id: string; customer_id?: string; content: string }, { container }) => {
    const complaint = await loadState(container, input.complaint_id, input.customer_id)
    if (complaint.status === "closed") {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Complaint ${complaint.number} is closed: photos can no longer be added.`)
    }
    const sha256 = contentSha256(input.content)
    const kept = await complaintsOf(container).listComplaintFiles({ complaint_id: complaint.id }, { select: ["filename", "content_sha256"] })
    const same = kept.find((photo) => photo.content_sha256 === sha256)
    if (same) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `This file is already on the complaint, as “${same.filename}”.`)
    if (kept.length >= MAX_COMPLAINT_PHOTOS) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `A complaint can keep at most ${MAX_COMPLAINT_PHOTOS} files.`)
    }
    return new StepResponse({ complaint, content_sha256: sha256 })
  }
)

export type NewComplaintPhoto = {
  complaint_id: string
  file_id: string
  url: string
  filename: string
  mime_type: string
  size_bytes: number
  content_sha256: string
  added_by: "customer" | "staff"
}

/** Lists the stored file on the complaint; taken off again if a later step fails. */
export const createComplaintPhotoStep = createStep(
  "create-complaint-photo",
  async (input: NewComplaintPhoto, { container }) => {
    const made = await complaintsOf(container).createComplaintFiles(input)
    return new StepResponse({ id: made.id, filename: made.filename }, made.id)
  },
  async (id, { container }) => {
    if (id) await complaintsOf(container).deleteComplaintFiles(id)
  }
)

/** The customer's email and first name, for the status email. */
export const loadComplaintCustomerStep = createStep("load-complaint-customer", async (customerId: string, { container }) => {
  const customer = await container.resolve(Modules.CUSTOMER).retrieveCustomer(customerId, { select: ["id", "email", "first_name"] })
  return new StepResponse({ id: customer.id, email: customer.email, first_name: customer.first_name ?? null })
})
