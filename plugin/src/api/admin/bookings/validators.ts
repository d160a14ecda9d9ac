import { z } from "@medusajs/framework/zod"
import { BOOKING_STATUSES, SCHEDULE_MAX_DAYS } from "@fieldservice/contract"
import { wholeNumber } from "../fieldworkers/validators"
import { StoreBookingPrice, StoreCreateBooking } from "../../store/customers/me/bookings/validators"
import { bookingContactChange, BookingLocation, clearableText } from "../../utils/common-validators/booking"

export type BookingStatus = (typeof BOOKING_STATUSES)[number]
const isStatus = (value: string): value is BookingStatus => (BOOKING_STATUSES as readonly string[]).includes(value)
const STATUS_LIST = BOOKING_STATUSES.join(", ")

/** A day ("2026-12-01", the whole day in the business's time zone) or an instant (ISO date and time). */
const dayOrInstant = (label: string) =>
  z
    .string({ error: `${label} must be a date like 2026-12-01` })
    .trim()
    .refine(
      (value) => z.iso.date().safeParse(value).success || z.iso.datetime({ offset: true }).safeParse(value).success,
      `${label} must be a date like 2026-12-01 or a date and time like 2026-12-01T09:00:00Z`
    )

const id = (label: string) =>
  z
    .string({ error: `${label} must be text` })
    .trim()
    .refine((value) => value.length > 0 && value.length <= 100, `${label} must be an id`)

/** Staff's bookings list: filters, the date order and a page. */
export const AdminGetBookingsParams = z
  .object({
    /** One status, several (repeated or comma-separated). */
    status: z
      .union([z.string(), z.array(z.string())], { error: `status must be one or more of ${STATUS_LIST}` })
      .transform((value) => [...new Set((Array.isArray(value) ? value : value.split(",")).map((s) => s.trim()).filter(Boolean))])
      .refine((statuses) => statuses.every(isStatus), `status must be one or more of ${STATUS_LIST}`)
      .transform((statuses) => statuses as BookingStatus[])
      .optional(),
    /** Visits starting on or after this day (or instant). */
    from: dayOrInstant("from").optional(),
    /** Visits starting on or before this day (the whole day), or before this instant. */
    to: dayOrInstant("to").optional(),
    /** "upcoming": still open and not over; "past": completed, cancelled or over (the portal's tabs). */
    when: z.enum(["upcoming", "past"], { error: 'when must be "upcoming" or "past"' }).optional(),
    customer_id: id("customer_id").optional(),
    /** A fieldworker's id, or "none" for bookings nobody is assigned to yet. */
    fieldworker_id: id("fieldworker_id").optional(),
    /** The start of a booking number ("BK-7F3K", "7f3k") or of the booking's email. */
    q: z
      .string({ error: "q must be text" })
      .trim()
      .refine((q) => q.length <= 100, "q must be at most 100 characters")
      .optional(),
    order: z
      .string()
      .refine((order) => order === "starts_at" || order === "-starts_at", 'order must be "starts_at" (earliest first) or "-starts_at" (latest first)')
      .default("starts_at")
      .transform((order) => order as "starts_at" | "-starts_at"),
    limit: wholeNumber("limit", 1, 100).default(20),
    offset: wholeNumber("offset", 0, Number.MAX_SAFE_INTEGER).default(0),
  })
  .strict()
export type AdminGetBookingsParamsType = z.infer<typeof AdminGetBookingsParams>

/** Assign a fieldworker (or `null` to unassign). */
export const AdminAssignFieldworker = z
  .object({
    fieldworker_id: z.union([id("fieldworker_id"), z.null()], { error: "fieldworker_id must be a fieldworker's id, or null to unassign" }),
    /** Assign even though the fieldworker doesn't cover the booking's postcode (staff were warned). */
    outside_area: z.boolean({ error: "outside_area must be true or false" }).optional(),
  })
  .strict()
export type AdminAssignFieldworkerType = z.infer<typeof AdminAssignFieldworker>

export const AdminChangeBookingStatus = z
  .object({
    status: z.string({ error: `status is required: one of ${STATUS_LIST}` }).refine(isStatus, `status must be one of ${STATUS_LIST}`),
    /** Why it was cancelled (shown to the customer); only with "cancelled". */
    reason: z
      .string({ error: "reason must be text" })
      .trim()
      .refine((reason) => reason.length <= 500, "reason must be at most 500 characters")
      .nullish()
      .transform((reason) => reason || null),
    /** Complete a visit whose arrival window hasn't started: staff confirmed the work is done. */
    early_finish: z.boolean({ error: "early_finish must be true or false" }).optional(),
  })
  .strict()
  .refine((body) => !body.reason || body.status === "cancelled", { message: "A reason can only be given when cancelling", path: ["reason"] })
  .refine((body) => !body.early_finish || body.status === "completed", {
    message: "early_finish can only be given when marking a booking completed",
    path: ["early_finish"],
  })
  .transform((body) => ({ ...body, status: body.status as BookingStatus }))
export type AdminChangeBookingStatusType = z.infer<typeof AdminChangeBookingStatus>

/** Staff move a visit: one of its service's arrival windows. */
export const AdminRescheduleBooking = z
  .object({
    starts_at: z.iso.datetime({ offset: true, error: "starts_at must be one of the service's arrival windows (an ISO date and time)" }),
  })
  .strict()
export type AdminRescheduleBookingType = z.infer<typeof AdminRescheduleBooking>

/** The windows a visit could move to: `days` days from `from` (a date), else from now. */
export const AdminGetFreeWindowsParams = z
  .object({
    from: z.iso.date({ error: "from must be a date like 2026-12-01" }).optional(),
    days: wholeNumber("days", 1, SCHEDULE_MAX_DAYS).default(7),
  })
  .strict()
export type AdminGetFreeWindowsParamsType = z.infer<typeof AdminGetFreeWindowsParams>
/** Undo a completion (no body): the booking goes back to the status it had. */
export const AdminReopenBooking = z.object({}).strict()

/** Link a guest booking to a customer. */
export const AdminLinkBookingCustomer = z.object({ customer_id: id("customer_id") }).strict()
export type AdminLinkBookingCustomerType = z.infer<typeof AdminLinkBookingCustomer>

/** A booking staff take for a customer ("New booking"): the portal's booking form, and whose it is. */
export const AdminCreateBooking = StoreCreateBooking.extend({ customer_id: id("customer_id") }).strict()
export type AdminCreateBookingType = z.infer<typeof AdminCreateBooking>

/** Its price before it is placed (POST /admin/customers/:id/booking-price). */
export const AdminBookingPrice = StoreBookingPrice
export type AdminBookingPriceType = z.infer<typeof AdminBookingPrice>

/** Staff edit a visit: where it is, who to ask for (only the parts sent) and the notes for the team. */
export const AdminUpdateBooking = z
  .object({
    location: BookingLocation.optional(),
    contact: bookingContactChange("contact may have a name, an email and a phone").partial().optional(),
    instructions: clearableText("Instructions", 2000),
  })
  .strict()
  .refine(
    (body) => body.location !== undefined || body.contact !== undefined || body.instructions !== undefined,
    "Send the location, the contact details or the instructions to change"
  )
export type AdminUpdateBookingType = z.infer<typeof AdminUpdateBooking>
