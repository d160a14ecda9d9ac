import { z } from "zod"

// Complaints as tickets (issue #21, item 5): the portal's "Report a problem", the staff's Complaints list.

export const COMPLAINT_CATEGORIES = ["quality_of_work", "missed_or_late_visit", "staff_conduct", "damage", "billing", "other"] as const
export type ComplaintCategory = (typeof COMPLAINT_CATEGORIES)[number]
export const COMPLAINT_CATEGORY_LABELS: Record<ComplaintCategory, string> = {
  quality_of_work: "Quality of work",
  missed_or_late_visit: "Missed or late visit",
  staff_conduct: "Staff conduct",
  damage: "Damage",
  billing: "Billing",
  other: "Something else",
}

export const COMPLAINT_STATUSES = ["open", "in_progress", "resolved", "closed"] as const
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number]
export const COMPLAINT_STATUS_LABELS: Record<ComplaintStatus, string> = {
  open: "Open",
  in_progress: "In progress",
  resolved: "Resolved",
  closed: "Closed",
}

/** Who opened it: the customer in the portal, a low rating automatically, or staff on the customer's behalf. */
export const COMPLAINT_SOURCES = ["customer", "rating", "staff"] as const
export type ComplaintSource = (typeof COMPLAINT_SOURCES)[number]

export const MAX_COMPLAINT_DESCRIPTION = 5000
export const MAX_COMPLAINT_NOTE = 5000
/** The most photos or PDFs one complaint keeps. */
export const MAX_COMPLAINT_PHOTOS = 10

/** "3 days", "5 hours", "just now": how long a complaint has been open (or took), for lists. */
export function complaintAge(from: string | Date, to: string | Date = new Date()): string {
  const minutes = Math.max(0, Math.floor((new Date(to).getTime() - new Date(from).getTime()) / 60_000))
  if (minutes < 60) return minutes < 2 ? "just now" : `${minutes} minutes`
  const hours = Math.floor(minutes / 60)
  if (hours < 48) return hours === 1 ? "1 hour" : `${hours} hours`
  const days = Math.floor(hours / 24)
  return `${days} days`
}

const text = (missing: string, max: number, tooLong: string) =>
  z
    .string({ error: missing })
    .trim()
    .refine((value) => value.length >= 1, missing)
    .refine((value) => value.length <= max, tooLong)

/**
 * One of a fixed list, as a refinement rather than z.enum: Medusa rewrites an enum's failure as
 * "Expected: …", and the portal shows the API's own words.
 */
const oneOf = <T extends string>(list: readonly T[], message: string) =>
  z
    .string({ error: message })
    .refine((value) => (list as readonly string[]).includes(value), message)
    .transform((value) => value as T)

const category = oneOf(
  COMPLAINT_CATEGORIES,
  `Choose what the problem is about: ${COMPLAINT_CATEGORIES.map((key) => COMPLAINT_CATEGORY_LABELS[key].toLowerCase()).join(", ")}`
)
const description = text("Tell us what went wrong", MAX_COMPLAINT_DESCRIPTION, `The description can be at most ${MAX_COMPLAINT_DESCRIPTION} characters`)
const bookingId = z
  .string({ error: "booking_id must be text" })
  .trim()
  .regex(/^[A-Za-z0-9_]{1,100}$/, "That is not one of your visits")

/** The portal's "Report a problem" form and POST /store/customers/me/complaints alike. */
export const complaintOpening = z
  .object({
    category,
    description,
    booking_id: z.preprocess((value) => (value === "" ? undefined : value), bookingId.optional()),
  })
  .strict()
export type ComplaintOpeningForm = z.infer<typeof complaintOpening>

/** POST /admin/complaints: staff open one on the customer's behalf. */
export const adminComplaintOpening = complaintOpening.extend({ customer_id: text("Choose the customer", 100, "customer_id is too long") }).strict()

/** POST /admin/complaints/:id/status: resolving needs a note saying what was done. */
export const complaintStatusChange = z
  .object({
    status: oneOf(COMPLAINT_STATUSES, "status must be open, in_progress, resolved or closed"),
    note: z.preprocess(
      (value) => (value === "" || value === null ? undefined : value),
      text("The note is empty", MAX_COMPLAINT_NOTE, `The note can be at most ${MAX_COMPLAINT_NOTE} characters`).optional()
    ),
  })
  .strict()
  .refine((value) => value.status !== "resolved" || !!value.note, { message: "Say how it was resolved: a resolution note is needed", path: ["note"] })

/** POST /admin/complaints/:id/assign: a staff user, or null to leave it unassigned. */
export const complaintAssignment = z
  .object({ assigned_user_id: z.string({ error: "assigned_user_id must be a staff user's id or null" }).trim().min(1).max(100).nullable() })
  .strict()

export type ComplaintPhoto = { id: string; filename: string; mime_type: string; size_bytes: number; created_at: string }

export type StoreComplaint = {
  id: string
  number: string
  category: ComplaintCategory
  description: string
  status: ComplaintStatus
  source: ComplaintSource
  resolution_note: string | null
  booking: { id: string; booking_number: string; service_title: string; starts_at: string } | null
  photos: ComplaintPhoto[]
  created_at: string
  updated_at: string
  resolved_at: string | null
  closed_at: string | null
}
export type StoreComplaintSummary = Pick<StoreComplaint, "id" | "number" | "category" | "status" | "created_at" | "updated_at"> & {
  booking_number: string | null
}
/** GET /store/customers/me/complaints */
export type StoreComplaintListResponse = { complaints: StoreComplaintSummary[]; count: number; limit: number; offset: number }
/** GET, POST /store/customers/me/complaints[/:id][/photos] */
export type StoreComplaintResponse = { complaint: StoreComplaint }

export type AdminComplaint = StoreComplaint & {
  customer: { id: string; name: string; email: string }
  assigned_user: { id: string; name: string; email: string } | null
  rating_id: string | null
  /** "3 days": since it was opened, or until it was resolved or closed. */
  age: string
}
export type AdminComplaintSummary = Omit<AdminComplaint, "photos" | "booking"> & { booking_number: string | null }
/** GET /admin/complaints?status&category&assigned_user_id&customer_id&older_than_days&limit&offset */
export type AdminComplaintListResponse = { complaints: AdminComplaintSummary[]; count: number; limit: number; offset: number }
export type AdminComplaintResponse = { complaint: AdminComplaint }

const page = {
  limit: z.coerce
    .number({ error: "limit must be a number" })
    .int("limit must be a whole number")
    .min(1, "limit must be 1 to 100")
    .max(100, "limit must be 1 to 100")
    .default(50),
  offset: z.coerce.number({ error: "offset must be a number" }).int("offset must be a whole number").min(0, "offset can't be negative").default(0),
}

/** GET /store/customers/me/complaints */
export const storeComplaintListQuery = z.object(page).strict()

const filterId = (label: string) =>
  z
    .string({ error: `${label} must be an id` })
    .trim()
    .min(1, `${label} must be an id`)
    .max(100, `${label} must be an id`)

/** GET /admin/complaints: `assigned_user_id=none` lists the unassigned ones; `older_than_days` those opened that long ago or more. */
export const adminComplaintListQuery = z
  .object({
    ...page,
    status: z.enum(COMPLAINT_STATUSES, { error: `status must be one of ${COMPLAINT_STATUSES.join(", ")}` }).optional(),
    category: z.enum(COMPLAINT_CATEGORIES, { error: `category must be one of ${COMPLAINT_CATEGORIES.join(", ")}` }).optional(),
    assigned_user_id: filterId("assigned_user_id").optional(),
    customer_id: filterId("customer_id").optional(),
    order: z.enum(["-created_at", "created_at"], { error: "order must be -created_at (newest first) or created_at (oldest first)" }).default("-created_at"),
    older_than_days: z.coerce
      .number({ error: "older_than_days must be a number" })
      .int("older_than_days must be a whole number")
      .min(0)
      .max(3650, "older_than_days must be at most 3650")
      .optional(),
  })
  .strict()
export type StoreComplaintListQuery = z.infer<typeof storeComplaintListQuery>
export type AdminComplaintListQuery = z.infer<typeof adminComplaintListQuery>
export type AdminComplaintOpeningBody = z.infer<typeof adminComplaintOpening>
export type ComplaintAssignmentBody = z.infer<typeof complaintAssignment>
export type ComplaintStatusChangeBody = z.infer<typeof complaintStatusChange>
