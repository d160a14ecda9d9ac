import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { BOOKING_MODULE, type BookingModuleService } from "../../../../modules/booking"
import { FIELDWORKERS_MODULE, type FieldworkersModuleService } from "../../../../modules/fieldworkers"
import { deleteFieldworkerWorkflow, updateFieldworkerWorkflow, upcomingBookingsOf } from "../../../../workflows/fieldworkers/fieldworkers"
import { answerConflict, answerConflictError } from "../../../utils/errors"
import type { AdminUpdateFieldworkerType } from "../validators"
import { type FieldworkerRecord, presentFieldworker } from "../helpers"
import type { AdminConfirmDeleteParamsType } from "../../../utils/common-validators/profile-sections"
import type { AdminFieldworkerDeleteResponse, AdminFieldworkerResponse, ErrorResponse } from "@fieldservice/contract"

export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminFieldworkerResponse>) {
  const service: FieldworkersModuleService = req.scope.resolve(FIELDWORKERS_MODULE)
  const fieldworker = await service.retrieveFieldworker(req.params.id)
  const [, upcoming] = await upcomingBookingsOf(req.scope.resolve(BOOKING_MODULE), fieldworker.id)
  res.json({ fieldworker: { ...presentFieldworker(fieldworker as unknown as FieldworkerRecord), upcoming_booking_count: upcoming } })
}

export async function POST(req: AuthenticatedMedusaRequest<AdminUpdateFieldworkerType>, res: MedusaResponse<AdminFieldworkerResponse | ErrorResponse>) {
  try {
    const { result } = await updateFieldworkerWorkflow(req.scope).run({ input: { id: req.params.id, data: req.validatedBody } })
    res.json({ fieldworker: presentFieldworker(result as unknown as FieldworkerRecord) })
  } catch (error) {
    if (answerConflictError(res, error)) return
    throw error
  }
}

/**
 * Removing someone with upcoming visits asks first (409 with the count and the first few
 * bookings); with `?confirm=true` those visits become unassigned, for staff to give to someone
 * else. Past bookings keep the name.
 */
export async function DELETE(
  req: AuthenticatedMedusaRequest<unknown, AdminConfirmDeleteParamsType>,
  res: MedusaResponse<AdminFieldworkerDeleteResponse | ErrorResponse>
) {
  const service: FieldworkersModuleService = req.scope.resolve(FIELDWORKERS_MODULE)
  const bookings: BookingModuleService = req.scope.resolve(BOOKING_MODULE)
  const fieldworker = await service.retrieveFieldworker(req.params.id)
  const [first, upcoming] = await upcomingBookingsOf(bookings, fieldworker.id)
  if (upcoming > 0 && !req.validatedQuery.confirm) {
    const visits = upcoming === 1 ? "1 upcoming booking" : `${upcoming} upcoming bookings`
    answerConflict(res, {
      code: "fieldworker_has_bookings",
      message: `${fieldworker.name} has ${visits}. Removing them leaves ${upcoming === 1 ? "it" : "those"} unassigned, to give to someone else. Confirm to remove.`,
      upcoming_booking_count: upcoming,
      upcoming_bookings: first.map(({ id, booking_number, starts_at }) => ({ id, booking_number, starts_at })),
    })
    return
  }
  const { result } = await deleteFieldworkerWorkflow(req.scope).run({ input: { id: fieldworker.id } })
  res.json({ id: fieldworker.id, object: "fieldworker", deleted: true, unassigned_booking_count: result.unassigned })
}
