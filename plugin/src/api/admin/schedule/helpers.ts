import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { BOOKING_MODULE, type BookingModuleService } from "../../../modules/booking"
import { DEPENDENTS_MODULE, type DependentsModuleService } from "../../../modules/dependents"
import { FIELDWORKERS_MODULE, type FieldworkersModuleService } from "../../../modules/fieldworkers"
import { SERVICES_MODULE, servesPostcode, type ServicesModuleService } from "../../../modules/services"
import { dayBoundary } from "../../../modules/services/time-zone"
import { bookingPostcode } from "../../../workflows/booking/booking-status"
import { bookingJson } from "../../utils/booking-record"
import { isoDate } from "../../../utils/json-dates"
import type { AdminGetScheduleParamsType } from "./validators"
import type { AdminScheduleDependent, AdminScheduleFieldworker, AdminScheduleResponse } from "@fieldservice/contract"

/** More visits than any team does in two weeks; the board would be unreadable long before. */
const MAX_VISITS = 2000

const VISIT_FIELDS = [
  "id",
  "booking_number",
  "customer_id",
  "status",
  "product_id",
  "service_title",
  "option_title",
  "starts_at",
  "ends_at",
  "location_text",
  "location",
  "contact",
  "instructions",
  "dependent_ids",
  "fieldworker_id",
] as const

type FieldworkerRow = { id: string; name: string; phone: string | null; service_areas: string[] | null; active: boolean }

const presentFieldworker = (row: FieldworkerRow): AdminScheduleFieldworker => ({
  id: row.id,
  name: row.name,
  phone: row.phone,
  service_areas: row.service_areas ?? [],
  active: row.active,
})

/**
 * GET /admin/schedule: the visits starting in the days asked (cancelled ones left out), with the
 * field team as the board's columns and what the day sheet prints. A fixed number of queries
 * whatever the number of visits: the bookings (on the status/starts_at index), then their
 * customers, dependents and fieldworkers by id, the active team, and the services for the filter.
 */
export async function loadSchedule(scope: MedusaContainer, query: AdminGetScheduleParamsType): Promise<AdminScheduleResponse> {
  const bookings: BookingModuleService = scope.resolve(BOOKING_MODULE)
  const services: ServicesModuleService = scope.resolve(SERVICES_MODULE)
  const fieldworkers: FieldworkersModuleService = scope.resolve(FIELDWORKERS_MODULE)
  const timeZone = services.timeZone

  const filters: Record<string, unknown> = {
    status: ["requested", "confirmed", "in_progress", "completed"],
    starts_at: { $gte: dayBoundary(query.from, "from", timeZone), $lt: dayBoundary(query.to, "to", timeZone) },
  }
  if (query.service_id) filters.product_id = query.service_id
  if (query.fieldworker_id) filters.fieldworker_id = query.fieldworker_id === "none" ? null : query.fieldworker_id
  // Areas match as everywhere else ("BS6" is BS6 7QT, not BS61); a postcode lives in a JSON column, so this is done
  // here, a page of bookings at a time, so the area's visits are all found however many others the days hold.
  const area = query.postcode_area
  const visits: Awaited<ReturnType<typeof bookings.listBookings>> = []
  for (let skip = 0; visits.length < MAX_VISITS; skip += MAX_VISITS) {
    const page = await bookings.listBookings(filters, { select: [...VISIT_FIELDS], order: { starts_at: "ASC", id: "ASC" }, take: MAX_VISITS, skip })
    visits.push(...(area ? page.filter((row) => servesPostcode([area], bookingPostcode(row) ?? "")) : page))
    if (!area || page.length < MAX_VISITS) break
  }
  visits.splice(MAX_VISITS)

  const customerIds = [...new Set(visits.flatMap((row) => (row.customer_id ? [row.customer_id] : [])))]
  const dependentIds = [...new Set(visits.flatMap((row) => row.dependent_ids ?? []))]
  // A day sheet names its fieldworker even on a day without visits.
  const asked = query.fieldworker_id && query.fieldworker_id !== "none" ? [query.fieldworker_id] : []
  const assignedIds = [...new Set([...asked, ...visits.flatMap((row) => (row.fieldworker_id ? [row.fieldworker_id] : []))])]
  const [customers, dependents, team, assigned, serviceList] = await Promise.all([
    customerIds.length
      ? scope
          .resolve(Modules.CUSTOMER)
          .listCustomers({ id: customerIds }, { select: ["id", "first_name", "last_name", "company_name", "email"], withDeleted: true })
      : [],
    dependentIds.length
      ? (scope.resolve(DEPENDENTS_MODULE) as DependentsModuleService).listDependents({ id: dependentIds }, { relations: ["type"], withDeleted: true })
      : [],
    query.fieldworker_id ? [] : (fieldworkers.listFieldworkers({ active: true }, { order: { name: "ASC" } }) as Promise<FieldworkerRow[]>),
    assignedIds.length ? (fieldworkers.listFieldworkers({ id: assignedIds }, { withDeleted: true }) as Promise<FieldworkerRow[]>) : [],
    listServices(scope),
  ])

  const customerName = new Map(
    customers.map((customer) => [customer.id, [customer.first_name, customer.last_name].filter(Boolean).join(" ") || customer.company_name || customer.email])
  )
  const dependentById = new Map<string, AdminScheduleDependent>(
    dependents.map((dependent) => [dependent.id, { id: dependent.id, name: dependent.name, type_label: dependent.type?.label_singular ?? null }])
  )
  // The active team, then anyone inactive or removed who still has visits in the range.
  const columns = new Map(team.map((row) => [row.id, presentFieldworker(row)]))
  for (const row of [...assigned].sort((a, b) => a.name.localeCompare(b.name))) if (!columns.has(row.id)) columns.set(row.id, presentFieldworker(row))

  return {
    from: query.from,
    to: query.to,
    time_zone: timeZone,
    fieldworkers: [...columns.values()],
    services: serviceList,
    visits: visits.map((row) => {
      const contact = bookingJson.contact(row.contact)
      return {
        id: row.id,
        booking_number: row.booking_number,
        status: row.status,
        product_id: row.product_id,
        service_title: row.service_title,
        option_title: row.option_title,
        starts_at: isoDate(row.starts_at),
        ends_at: isoDate(row.ends_at),
        window_ends_at: bookingJson.location(row.location)?.window_ends_at ?? null,
        postcode: bookingPostcode(row),
        address: row.location_text,
        customer_id: row.customer_id,
        customer_name: row.customer_id ? (customerName.get(row.customer_id) ?? null) : null,
        contact_name: contact?.name ?? null,
        contact_phone: contact?.phone ?? null,
        instructions: row.instructions,
        dependents: (row.dependent_ids ?? []).flatMap((id) => dependentById.get(id) ?? []),
        fieldworker_id: row.fieldworker_id,
      }
    }),
  }
}

/** The bookable services (products with service settings), by title, for the service filter. */
async function listServices(scope: MedusaContainer) {
  const services: ServicesModuleService = scope.resolve(SERVICES_MODULE)
  const details = await services.listServiceDetails({}, { select: ["product_id"] })
  const ids = details.map((detail) => detail.product_id)
  if (!ids.length) return []
  const { data } = await scope.resolve(ContainerRegistrationKeys.QUERY).graph({ entity: "product", fields: ["id", "title"], filters: { id: ids } })
  return (data as { id: string; title: string }[]).map(({ id, title }) => ({ id, title })).sort((a, b) => a.title.localeCompare(b.title))
}
