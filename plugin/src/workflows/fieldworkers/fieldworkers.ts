import { MedusaError } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { BOOKING_MODULE, type BookingModuleService } from "../../modules/booking"
import { FIELDWORKERS_MODULE, type FieldworkersModuleService } from "../../modules/fieldworkers"
import { OPEN_BOOKING_STATUSES } from "@fieldservice/contract"

export type FieldworkerFields = {
  name: string
  email: string
  phone?: string | null
  service_areas?: string[]
  active?: boolean
}

type Fieldworker = { id: string; name: string; email: string; phone: string | null; service_areas: string[]; active: boolean }

/** Two fieldworkers can't share an email: it is how staff tell people apart. */
async function ensureEmailFree(service: FieldworkersModuleService, email: string, exceptId?: string) {
  const [taken] = await service.listFieldworkers({ email: email.toLowerCase() }, { take: 1 })
  if (taken && taken.id !== exceptId) {
    throw new MedusaError(MedusaError.Types.CONFLICT, `${taken.name} already has the email ${taken.email}. Each fieldworker needs their own email.`)
  }
}

const createFieldworkerStep = createStep(
  "create-fieldworker",
  async (input: FieldworkerFields, { container }) => {
    const service: FieldworkersModuleService = container.resolve(FIELDWORKERS_MODULE)
    await ensureEmailFree(service, input.email)
    const created = await service.createFieldworkers({ ...input, email: input.email.toLowerCase() })
    return new StepResponse(created as unknown as Fieldworker, created.id)
  },
  async (id, { container }) => {
    if (!id) return
    const service: FieldworkersModuleService = container.resolve(FIELDWORKERS_MODULE)
    await service.deleteFieldworkers(id)
  }
)

const updateFieldworkerStep = createStep(
  "update-fieldworker",
  async (input: { id: string; data: Partial<FieldworkerFields> }, { container }) => {
    const service: FieldworkersModuleService = container.resolve(FIELDWORKERS_MODULE)
    const existing = (await service.retrieveFieldworker(input.id)) as unknown as Fieldworker & Record<string, unknown>
    if (input.data.email) await ensureEmailFree(service, input.data.email, existing.id)
    const previous = Object.fromEntries(Object.keys(input.data).map((key) => [key, existing[key] ?? null]))
    const updated = await service.updateFieldworkers({ id: existing.id, ...input.data })
    return new StepResponse(updated as unknown as Fieldworker, { id: existing.id, ...previous })
  },
  async (previous, { container }) => {
    if (!previous) return
    const service: FieldworkersModuleService = container.resolve(FIELDWORKERS_MODULE)
    await service.updateFieldworkers(previous as never)
  }
)

/** Upcoming open bookings of a fieldworker: the ones that need someone else if they go. */
export async function upcomingBookingsOf(bookings: BookingModuleService, fieldworkerId: string, now = new Date()) {
  return bookings.listAndCountBookings(
    { fieldworker_id: fieldworkerId, status: [...OPEN_BOOKING_STATUSES], ends_at: { $gte: now } },
    { select: ["id", "booking_number", "starts_at"], order: { starts_at: "ASC" }, take: 5 }
  )
}

/** Their upcoming bookings become unassigned (past ones keep their name, for the record). */
const unassignUpcomingBookingsStep = createStep(
  "unassign-fieldworker-upcoming-bookings",
  async (input: { fieldworker_id: string }, { container }) => {
    const bookings: BookingModuleService = container.resolve(BOOKING_MODULE)
    const upcoming = await bookings.listBookings(
      { fieldworker_id: input.fieldworker_id, status: [...OPEN_BOOKING_STATUSES], ends_at: { $gte: new Date() } },
      { select: ["id"] }
    )
    if (upcoming.length) await bookings.updateBookings(upcoming.map(({ id }) => ({ id, fieldworker_id: null })))
    return new StepResponse(upcoming.length, { fieldworker_id: input.fieldworker_id, ids: upcoming.map(({ id }) => id) })
  },
  async (undo, { container }) => {
    if (!undo?.ids.length) return
    const bookings: BookingModuleService = container.resolve(BOOKING_MODULE)
    await bookings.updateBookings(undo.ids.map((id) => ({ id, fieldworker_id: undo.fieldworker_id })))
  }
)

const removeFieldworkerStep = createStep(
  "remove-fieldworker",
  async (input: { id: string }, { container }) => {
    const service: FieldworkersModuleService = container.resolve(FIELDWORKERS_MODULE)
    await service.retrieveFieldworker(input.id)
    await service.softDeleteFieldworkers(input.id)
    return new StepResponse({ id: input.id }, input.id)
  },
  async (id, { container }) => {
    if (!id) return
    const service: FieldworkersModuleService = container.resolve(FIELDWORKERS_MODULE)
    await service.restoreFieldworkers(id)
  }
)

export const createFieldworkerWorkflow = createWorkflow("create-fieldworker", (input: FieldworkerFields) => new WorkflowResponse(createFieldworkerStep(input)))

export const updateFieldworkerWorkflow = createWorkflow(
  "update-fieldworker",
  (input: { id: string; data: Partial<FieldworkerFields> }) => new WorkflowResponse(updateFieldworkerStep(input))
)

/**
 * Removes a fieldworker: their upcoming bookings become unassigned (so they show up as
 * "Unassigned" for staff to give to someone else), and past bookings keep showing who did the job.
 */
export const deleteFieldworkerWorkflow = createWorkflow("delete-fieldworker", (input: { id: string }) => {
  const removed = removeFieldworkerStep(input)
  const unassigned = unassignUpcomingBookingsStep({ fieldworker_id: input.id })
  return new WorkflowResponse({ removed, unassigned })
})
