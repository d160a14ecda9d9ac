import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import {
  BOOKING_MODULE,
  type BookingModuleService,
  bookingNumberPrefix,
  canUndoCompletion,
  completionUndoUntil,
  normalizeBookingNumber,
  upcomingOrPast,
} from "../../../modules/booking"
import { BUSINESS_PROFILE_MODULE, type BusinessProfileModuleService } from "../../../modules/business-profile"
import { CUSTOMER_PROFILE_MODULE, type CustomerProfileModuleService } from "../../../modules/customer-profile"
import { DEPENDENTS_MODULE, type DependentsModuleService } from "../../../modules/dependents"
import { FIELDWORKERS_MODULE, FieldworkersModuleService } from "../../../modules/fieldworkers"
import { SERVICES_MODULE, type ServicesModuleService } from "../../../modules/services"
import { dayBoundary } from "../../../modules/services/time-zone"
import type { AdminBookingListResponse, AdminBookingResponse, ErrorResponse } from "@fieldservice/contract"
import { answerConflictError } from "../../utils/errors"
import { requestActor } from "../../utils/activity-actor"
import { bookingPostcode, STATUS_TRANSITIONS } from "../../../workflows/booking/booking-status"
import { VISIT_LOCATION_REFUSALS } from "../../../workflows/booking/steps/resolve-visit-location"
import type { AdminGetBookingsParamsType, AdminUpdateBookingType } from "./validators"
import { privateFileUrl } from "../../../utils/private-file-urls"
import { bookingJson, type BookingModuleRecord, presentBookingRecord } from "../../utils/booking-record"
import { isoDate, isoDateOrNull } from "../../../utils/json-dates"
import { escapeLike } from "../../../utils/sql-manager"

type CustomerRow = { id: string; email: string; first_name: string | null; last_name: string | null; company_name: string | null; phone: string | null }
type FieldworkerRow = { id: string; name: string; email: string; phone: string | null; service_areas: string[]; active: boolean; deleted_at: Date | null }

const LIST_FIELDS = [
  "id",
  "booking_number",
  "customer_id",
  "email",
  "status",
  "service_title",
  "option_title",
  "starts_at",
  "ends_at",
  "location_text",
  "location",
  "contact",
  "fieldworker_id",
  "order_id",
] as const
type ListedBooking = Pick<BookingModuleRecord, (typeof LIST_FIELDS)[number]>

/**
 * The module filters for the bookings list. Each one lands on an index: status, customer and
 * fieldworker with starts_at (composite indexes), the booking number (unique) and the email, which
 * q matches by prefix.
 */
export function bookingListFilters(query: AdminGetBookingsParamsType, timeZone: string): Record<string, unknown> {
  const filters: Record<string, unknown> = {}
  if (query.status?.length) filters.status = query.status
  if (query.customer_id) filters.customer_id = query.customer_id
  if (query.fieldworker_id) filters.fieldworker_id = query.fieldworker_id === "none" ? null : query.fieldworker_id
  const startsAt: Record<string, Date> = {}
  if (query.from) startsAt.$gte = dayBoundary(query.from, "from", timeZone)
  if (query.to) startsAt[/T/.test(query.to) ? "$lte" : "$lt"] = dayBoundary(query.to, "to", timeZone)
  const empty = startsAt.$gte && ((startsAt.$lt && startsAt.$gte >= startsAt.$lt) || (startsAt.$lte && startsAt.$gte > startsAt.$lte))
  if (empty) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "from must be on or before to")
  }
  if (Object.keys(startsAt).length) filters.starts_at = startsAt
  if (query.q) {
    const exact = normalizeBookingNumber(query.q)
    if (exact) {
      filters.booking_number = exact
    } else {
      const prefix = bookingNumberPrefix(query.q)
      const either: Record<string, unknown>[] = [{ email: { $like: `${escapeLike(query.q.toLowerCase())}%` } }]
      if (prefix) either.push({ booking_number: { $like: `${escapeLike(prefix)}%` } })
      filters.$or = either
    }
  }
  // Upcoming and past mean what they mean in the portal (an $and, as q may use $or).
  if (query.when) filters.$and = [upcomingOrPast(query.when, new Date())]
  return filters
}

const fullName = (customer: Pick<CustomerRow, "first_name" | "last_name">) => [customer.first_name, customer.last_name].filter(Boolean).join(" ")

async function customersById(scope: MedusaContainer, ids: string[]) {
  if (!ids.length) return new Map<string, CustomerRow>()
  const customers = (await scope
    .resolve(Modules.CUSTOMER)
    .listCustomers({ id: ids }, { select: ["id", "email", "first_name", "last_name", "company_name", "phone"], withDeleted: true })) as CustomerRow[]
  return new Map(customers.map((customer) => [customer.id, customer]))
}

async function fieldworkersById(scope: MedusaContainer, ids: string[]) {
  if (!ids.length) return new Map<string, FieldworkerRow>()
  const service: FieldworkersModuleService = scope.resolve(FIELDWORKERS_MODULE)
  const list: FieldworkerRow[] = await service.listFieldworkers({ id: ids }, { withDeleted: true })
  return new Map(list.map((fieldworker) => [fieldworker.id, fieldworker]))
}

const presentCustomer = (customer: CustomerRow | undefined) =>
  customer ? { id: customer.id, name: fullName(customer) || null, email: customer.email, phone: customer.phone, company_name: customer.company_name } : null

const presentFieldworkerSummary = (fieldworker: FieldworkerRow | undefined) =>
  fieldworker ? { id: fieldworker.id, name: fieldworker.name, removed: !!fieldworker.deleted_at } : null

/** GET /admin/bookings: one page of bookings with who they are for and who goes, and the total count. */
export async function listAdminBookings(scope: MedusaContainer, query: AdminGetBookingsParamsType): Promise<AdminBookingListResponse> {
  const bookings: BookingModuleService = scope.resolve(BOOKING_MODULE)
  const services: ServicesModuleService = scope.resolve(SERVICES_MODULE)
  const direction = query.order === "-starts_at" ? "DESC" : "ASC"
  const [rows, count]: [ListedBooking[], number] = await bookings.listAndCountBookings(bookingListFilters(query, services.timeZone), {
    select: [...LIST_FIELDS],
    order: { starts_at: direction, id: direction },
    take: query.limit,
    skip: query.offset,
  })

  const ids = rows.map((row) => row.id)
  const [customers, fieldworkers, attachments] = await Promise.all([
    customersById(scope, [...new Set(rows.flatMap((row) => (row.customer_id ? [row.customer_id] : [])))]),
    fieldworkersById(scope, [...new Set(rows.flatMap((row) => (row.fieldworker_id ? [row.fieldworker_id] : [])))]),
    ids.length ? bookings.listBookingAttachments({ booking_id: ids }, { select: ["id", "booking_id"] }) : Promise.resolve([]),
  ])
  const attachmentCounts = new Map<string, number>()
  for (const attachment of attachments) {
    attachmentCounts.set(attachment.booking_id, (attachmentCounts.get(attachment.booking_id) ?? 0) + 1)
  }

  return {
    bookings: rows.map((row) => ({
      id: row.id,
      booking_number: row.booking_number,
      status: row.status,
      service_title: row.service_title,
      option_title: row.option_title,
      starts_at: isoDate(row.starts_at),
      ends_at: isoDate(row.ends_at),
      window_ends_at: bookingJson.location(row.location)?.window_ends_at ?? null,
      location_text: row.location_text,
      postcode: bookingPostcode(row),
      email: row.email,
      contact_name: bookingJson.contact(row.contact)?.name ?? null,
      customer: presentCustomer(row.customer_id ? customers.get(row.customer_id) : undefined),
      fieldworker: presentFieldworkerSummary(row.fieldworker_id ? fieldworkers.get(row.fieldworker_id) : undefined),
      order_id: row.order_id,
      attachment_count: attachmentCounts.get(row.id) ?? 0,
    })),
    count,
    limit: query.limit,
    offset: query.offset,
    time_zone: services.timeZone,
  }
}

/** GET /admin/bookings/:id: everything staff need about one visit. */
export async function loadAdminBooking(scope: MedusaContainer, id: string): Promise<AdminBookingResponse> {
  const bookings: BookingModuleService = scope.resolve(BOOKING_MODULE)
  const services: ServicesModuleService = scope.resolve(SERVICES_MODULE)
  const [booking] = await bookings.listBookings({ id }, { take: 1, relations: ["attachments"] })
  if (!booking) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Booking ${id} was not found`)

  const [customers, fieldworkers, order, businessProfile, additionalContact, dependents] = await Promise.all([
    customersById(scope, booking.customer_id ? [booking.customer_id] : []),
    fieldworkersById(scope, booking.fieldworker_id ? [booking.fieldworker_id] : []),
    loadOrder(scope, booking.order_id),
    booking.business_profile_id
      ? (scope.resolve(BUSINESS_PROFILE_MODULE) as BusinessProfileModuleService)
          .listBusinessProfiles({ id: booking.business_profile_id }, { take: 1, withDeleted: true })
          .then(([profile]) => profile ?? null)
      : null,
    booking.additional_contact_id
      ? (scope.resolve(CUSTOMER_PROFILE_MODULE) as CustomerProfileModuleService)
          .listAdditionalContacts({ id: booking.additional_contact_id }, { take: 1, withDeleted: true })
          .then(([contact]) => contact ?? null)
      : null,
    booking.dependent_ids?.length
      ? (scope.resolve(DEPENDENTS_MODULE) as DependentsModuleService).listDependents({ id: booking.dependent_ids }, { relations: ["type"], withDeleted: true })
      : [],
  ])

  const fieldworker = booking.fieldworker_id ? fieldworkers.get(booking.fieldworker_id) : undefined
  const postcode = bookingPostcode(booking)
  const record = presentBookingRecord(booking)
  return {
    booking: {
      ...record,
      postcode,
      window_ends_at: record.location?.window_ends_at ?? null,
      customer: presentCustomer(booking.customer_id ? customers.get(booking.customer_id) : undefined),
      fieldworker: fieldworker
        ? {
            id: fieldworker.id,
            name: fieldworker.name,
            email: fieldworker.email,
            phone: fieldworker.phone,
            service_areas: fieldworker.service_areas ?? [],
            active: fieldworker.active,
            removed: !!fieldworker.deleted_at,
            covers_postcode: postcode ? FieldworkersModuleService.covers(fieldworker, postcode) : null,
          }
        : null,
      order,
      business_profile: businessProfile
        ? {
            id: businessProfile.id,
            name: businessProfile.name,
            billing_email: businessProfile.billing_email,
            tax_id: businessProfile.tax_id,
            address_text: [businessProfile.address_1, businessProfile.address_2, businessProfile.city, businessProfile.postal_code].filter(Boolean).join(", "),
          }
        : null,
      additional_contact: additionalContact
        ? {
            id: additionalContact.id,
            name: additionalContact.name,
            role: additionalContact.role,
            emails: (additionalContact.emails as unknown as string[] | null) ?? [],
            phones: (additionalContact.phones as unknown as string[] | null) ?? [],
          }
        : null,
      dependents: dependents.map((dependent) => ({
        id: dependent.id,
        name: dependent.name,
        type_label: dependent.type?.label_singular ?? null,
      })),
      attachments: booking.attachments
        .filter((attachment) => !attachment.deleted_at)
        .sort((a, b) => new Date(a.created_at).getTime() - new Date(b.created_at).getTime())
        .map(({ id, file_id, filename, mime_type, size_bytes, added_by, created_at }) => ({
          id,
          file_id,
          url: privateFileUrl.attachment("staff", booking.id, id),
          filename,
          mime_type,
          size_bytes,
          added_by,
          created_at: isoDate(created_at),
        })),
      allowed_statuses: [...STATUS_TRANSITIONS[booking.status]],
      completion_undo_until: canUndoCompletion(booking, new Date()) ? isoDateOrNull(completionUndoUntil(booking)) : null,
    },
    time_zone: services.timeZone,
  }
}

async function loadOrder(scope: MedusaContainer, orderId: string | null) {
  if (!orderId) return null
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "order",
    fields: ["id", "display_id", "status", "total", "currency_code"],
    filters: { id: orderId },
  })
  const order = data[0] as { id: string; display_id: number; status: string; total: unknown; currency_code: string } | undefined
  return order ? { id: order.id, display_id: order.display_id, status: order.status, total: Number(order.total), currency_code: order.currency_code } : null
}

/**
 * Runs a staff change to a booking, then answers with the booking as it is now (`status`, 200
 * unless said), or with the workflow's 409 (its message and code), or as `answerRefusal` answers
 * an error it knows (true when it did).
 */
export async function answerBookingChange(
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse<AdminBookingResponse | ErrorResponse>,
  change: (actor: Awaited<ReturnType<typeof requestActor>>) => Promise<unknown>,
  options: { status?: number; answerRefusal?: (error: unknown) => boolean } = {}
) {
  try {
    await change(await requestActor(req))
  } catch (error) {
    if (answerConflictError(res, error)) return
    if (options.answerRefusal?.(error)) return
    throw error
  }
  res.status(options.status ?? 200).json(await loadAdminBooking(req.scope, req.params.id))
}

/**
 * A location the visit can't have (outside the service's area, or a saved one with an impossible
 * postcode): 400 naming the field it came from, as the body validation names fields, so the form
 * shows it there. False for any other error.
 */
export function answerLocationRefusal(res: MedusaResponse<ErrorResponse>, error: unknown, location: AdminUpdateBookingType["location"]): boolean {
  const refusal = error as MedusaError
  const codes: readonly string[] = Object.values(VISIT_LOCATION_REFUSALS)
  if (!MedusaError.isMedusaError(error) || refusal.type !== MedusaError.Types.INVALID_DATA || !codes.includes(refusal.code ?? "")) return false
  const field = location && "address_id" in location ? "location.address_id" : "location.address.postal_code"
  res
    .status(400)
    .json({ type: MedusaError.Types.INVALID_DATA, code: refusal.code, message: refusal.message, field, fields: [{ field, message: refusal.message }] })
  return true
}
