import type {
  AdminComplaint,
  AdminComplaintSummary,
  ComplaintCategory,
  ComplaintSource,
  ComplaintStatus,
  StoreComplaint,
  StoreComplaintSummary,
} from "@fieldservice/contract"
import { complaintAge } from "@fieldservice/contract"
import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { BOOKING_MODULE, type BookingModuleService } from "../modules/booking"
import { COMPLAINTS_MODULE, type ComplaintsModuleService } from "../modules/complaints"
import { personName } from "../workflows/customer-profile/activity"
import { complaintNotFound } from "../workflows/complaints/steps/complaint-steps"

type Row = {
  id: string
  number: string
  customer_id: string
  booking_id: string | null
  rating_id: string | null
  source: ComplaintSource
  category: ComplaintCategory
  description: string
  status: ComplaintStatus
  assigned_user_id: string | null
  resolution_note: string | null
  resolved_at: Date | string | null
  closed_at: Date | string | null
  created_at: Date | string
  updated_at: Date | string
  photos?: { id: string; filename: string; mime_type: string; size_bytes: number; created_at: Date | string; deleted_at?: unknown }[]
}

const iso = (value: Date | string | null | undefined) => (value ? new Date(value).toISOString() : null)
const complaintsOf = (scope: MedusaContainer): ComplaintsModuleService => scope.resolve(COMPLAINTS_MODULE)

async function bookingsById(scope: MedusaContainer, ids: (string | null)[]) {
  const wanted = [...new Set(ids.filter((id): id is string => !!id))]
  if (!wanted.length) return new Map<string, { id: string; booking_number: string; service_title: string; starts_at: string }>()
  const bookings: BookingModuleService = scope.resolve(BOOKING_MODULE)
  const rows = await bookings.listBookings({ id: wanted }, { select: ["id", "booking_number", "service_title", "starts_at"] })
  return new Map(
    rows.map((row) => [row.id, { id: row.id, booking_number: row.booking_number, service_title: row.service_title, starts_at: iso(row.starts_at)! }])
  )
}

function storeShape(row: Row, booking: StoreComplaint["booking"]): StoreComplaint {
  return {
    id: row.id,
    number: row.number,
    category: row.category,
    description: row.description,
    status: row.status,
    source: row.source,
    resolution_note: row.resolution_note,
    booking,
    photos: (row.photos ?? [])
      .filter((photo) => !photo.deleted_at)
      .map((photo) => ({
        id: photo.id,
        filename: photo.filename,
        mime_type: photo.mime_type,
        size_bytes: photo.size_bytes,
        created_at: iso(photo.created_at)!,
      })),
    created_at: iso(row.created_at)!,
    updated_at: iso(row.updated_at)!,
    resolved_at: iso(row.resolved_at),
    closed_at: iso(row.closed_at),
  }
}

/** One complaint as the portal shows it; another customer's is the same 404 as none. */
export async function storeComplaint(scope: MedusaContainer, customerId: string, id: string): Promise<StoreComplaint> {
  const [row] = (await complaintsOf(scope).listComplaints({ id, customer_id: customerId }, { take: 1, relations: ["photos"] })) as unknown as Row[]
  if (!row) throw complaintNotFound(id)
  const bookings = await bookingsById(scope, [row.booking_id])
  return storeShape(row, row.booking_id ? (bookings.get(row.booking_id) ?? null) : null)
}

/** The customer's own complaints, newest first. */
export async function listStoreComplaints(scope: MedusaContainer, customerId: string, page: { limit: number; offset: number }) {
  const [rows, count] = (await complaintsOf(scope).listAndCountComplaints(
    { customer_id: customerId },
    { take: page.limit, skip: page.offset, order: { created_at: "DESC" } }
  )) as unknown as [Row[], number]
  const bookings = await bookingsById(
    scope,
    rows.map((row) => row.booking_id)
  )
  const complaints: StoreComplaintSummary[] = rows.map((row) => ({
    id: row.id,
    number: row.number,
    category: row.category,
    status: row.status,
    created_at: iso(row.created_at)!,
    updated_at: iso(row.updated_at)!,
    booking_number: row.booking_id ? (bookings.get(row.booking_id)?.booking_number ?? null) : null,
  }))
  return { complaints, count, ...page }
}

/** "3 days" since it was opened, or until it was resolved or closed (a settled complaint stops ageing). */
export const ageOf = (row: Pick<Row, "created_at" | "resolved_at" | "closed_at">, now = new Date()) =>
  complaintAge(row.created_at, row.resolved_at ?? row.closed_at ?? now)

async function people(scope: MedusaContainer, rows: Row[]) {
  const customerIds = [...new Set(rows.map((row) => row.customer_id))]
  const userIds = [...new Set(rows.map((row) => row.assigned_user_id).filter((id): id is string => !!id))]
  const [customers, users] = await Promise.all([
    customerIds.length
      ? scope.resolve(Modules.CUSTOMER).listCustomers({ id: customerIds }, { select: ["id", "email", "first_name", "last_name", "company_name"] })
      : [],
    userIds.length ? scope.resolve(Modules.USER).listUsers({ id: userIds }, { select: ["id", "email", "first_name", "last_name"] }) : [],
  ])
  return {
    customer: (id: string) => {
      const found = customers.find((customer) => customer.id === id)
      return { id, name: (found && (personName(found) || found.company_name)) || found?.email || "Unknown customer", email: found?.email ?? "" }
    },
    user: (id: string | null) => {
      const found = id ? users.find((user) => user.id === id) : null
      return found ? { id: found.id, name: personName(found) || found.email, email: found.email } : null
    },
  }
}

/** One complaint for staff: the customer, who handles it, its visit and photos, and its age. */
export async function adminComplaint(scope: MedusaContainer, id: string): Promise<AdminComplaint> {
  const [row] = (await complaintsOf(scope).listComplaints({ id }, { take: 1, relations: ["photos"] })) as unknown as Row[]
  if (!row) throw complaintNotFound(id)
  const [bookings, who] = await Promise.all([bookingsById(scope, [row.booking_id]), people(scope, [row])])
  return {
    ...storeShape(row, row.booking_id ? (bookings.get(row.booking_id) ?? null) : null),
    customer: who.customer(row.customer_id),
    assigned_user: who.user(row.assigned_user_id),
    rating_id: row.rating_id,
    age: ageOf(row),
  }
}

export type AdminComplaintFilters = {
  limit: number
  offset: number
  status?: ComplaintStatus
  category?: ComplaintCategory
  assigned_user_id?: string
  customer_id?: string
  older_than_days?: number
  order?: "-created_at" | "created_at"
}

/** The staff Complaints list: filtered by status, category, who handles it ("none": nobody), customer and age; oldest open first. */
export async function listAdminComplaints(scope: MedusaContainer, query: AdminComplaintFilters, now = new Date()) {
  const { limit, offset, older_than_days, assigned_user_id, order } = query
  // Only the list's own filters: Medusa's query validation adds keys of its own (order, fields).
  const filters: Record<string, unknown> = {}
  for (const key of ["status", "category", "customer_id"] as const) if (query[key]) filters[key] = query[key]
  if (assigned_user_id) filters.assigned_user_id = assigned_user_id === "none" ? null : assigned_user_id
  if (older_than_days !== undefined) filters.created_at = { $lte: new Date(now.getTime() - older_than_days * 86_400_000) }
  const [rows, count] = (await complaintsOf(scope).listAndCountComplaints(filters, {
    take: limit,
    skip: offset,
    order: { created_at: order === "created_at" ? "ASC" : "DESC" },
  })) as unknown as [Row[], number]
  const [bookings, who] = await Promise.all([
    bookingsById(
      scope,
      rows.map((row) => row.booking_id)
    ),
    people(scope, rows),
  ])
  const complaints: AdminComplaintSummary[] = rows.map((row) => {
    const { photos: _photos, booking, ...shape } = storeShape(row, null)
    void booking
    return {
      ...shape,
      booking_number: row.booking_id ? (bookings.get(row.booking_id)?.booking_number ?? null) : null,
      customer: who.customer(row.customer_id),
      assigned_user: who.user(row.assigned_user_id),
      rating_id: row.rating_id,
      age: ageOf(row, now),
    }
  })
  return { complaints, count, limit, offset }
}
