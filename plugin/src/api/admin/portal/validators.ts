import { z } from "@medusajs/framework/zod"
import { NOTICE_EVENTS, type NoticeEvent, patternEmail, REMINDER_LEAD_HOURS_MAX, REMINDER_LEAD_TIMES_MAX } from "@fieldservice/contract"

/** Whole hours before the arrival window, up to 30 days; 0 means until the window starts. */
const cutoffHours = (field: string) =>
  z
    .number({ error: `${field} must be a number of hours` })
    .refine((hours) => Number.isInteger(hours), `${field} must be a whole number of hours`)
    .refine((hours) => hours >= 0 && hours <= 720, `${field} must be between 0 and 720 hours (30 days)`)

const NoticeSetting = z
  .object({
    notice: z.boolean({ error: "notice must be true or false" }),
    email: z.boolean({ error: "email must be true or false" }),
  })
  .partial()
  .strict()

/** Per event: a portal notification, an email too; any event or switch may be left out. */
const NoticeSettingsChanges = z
  .object(Object.fromEntries(NOTICE_EVENTS.map((event) => [event, NoticeSetting])) as Record<NoticeEvent, typeof NoticeSetting>, {
    error: "notices must be an object of events",
  })
  .partial()
  .strict()

export const AdminUpdatePortalSettings = z
  .object({
    portal_enabled: z.boolean({ error: "portal_enabled must be true or false" }),
    closed_message: z
      .string({ error: "closed_message must be text" })
      .trim()
      .min(1, "closed_message cannot be empty")
      .max(1000, "closed_message must be at most 1000 characters"),
    dependents_enabled: z.boolean({ error: "dependents_enabled must be true or false" }),
    cancellation_cutoff_hours: cutoffHours("cancellation_cutoff_hours"),
    reschedule_cutoff_hours: cutoffHours("reschedule_cutoff_hours"),
    cancellation_policy: z
      .string({ error: "cancellation_policy must be text" })
      .trim()
      .refine((text) => text.length > 0, "The cancellation and refund rules cannot be empty")
      .refine((text) => text.length <= 2000, "The cancellation and refund rules must be at most 2000 characters"),
    office_phone: z
      .string({ error: "office_phone must be text" })
      .trim()
      .refine((phone) => phone === "" || /^[+()\d\s.-]{5,30}$/.test(phone), "The office phone must be a phone number, like 0117 496 0000")
      .nullish()
      .transform((phone) => (phone === undefined ? undefined : phone || null)),
    office_email: z
      .union([z.literal(""), patternEmail("The office email must be an email address, like office@example.com")], { error: "office_email must be text" })
      .nullish()
      .transform((email) => (email === undefined ? undefined : email || null)),
    notices: NoticeSettingsChanges,
  })
  .partial()
  .strict()
export type AdminUpdatePortalSettingsType = z.infer<typeof AdminUpdatePortalSettings>

/** GET /admin/portal/stripe takes no query. */
export const AdminGetStripeSettingsParams = z.object({}).strict()

/** Settings → Customer portal → Visit reminders: on/off and the lead times in whole hours. */
export const AdminUpdateVisitReminderSettings = z
  .object({
    enabled: z.boolean({ error: "enabled must be true or false" }),
    lead_hours: z
      .array(
        z
          .number({ error: "Each lead time must be a number of hours" })
          .refine((hours) => Number.isInteger(hours), "Each lead time must be a whole number of hours")
          .refine((hours) => hours >= 1 && hours <= REMINDER_LEAD_HOURS_MAX, `Each lead time must be from 1 to ${REMINDER_LEAD_HOURS_MAX} hours (14 days)`),
        { error: "lead_hours must be a list of hours" }
      )
      .min(1, "Give at least one lead time, or turn reminders off")
      .max(REMINDER_LEAD_TIMES_MAX, `At most ${REMINDER_LEAD_TIMES_MAX} lead times`)
      .refine((hours) => new Set(hours).size === hours.length, "Each lead time can be given once"),
  })
  .partial()
  .strict()
export type AdminUpdateVisitReminderSettingsType = z.infer<typeof AdminUpdateVisitReminderSettings>
/** GET /admin/portal/log-ins: the last `days` days (the chart shows 30). */
export const AdminGetPortalLoginsParams = z
  .object({
    days: z.coerce
      .number({ error: "days must be a number" })
      .int("days must be a whole number")
      .min(1, "days must be at least 1")
      .max(366, "days must be at most 366")
      .default(30),
  })
  .strict()
export type AdminGetPortalLoginsParamsType = z.infer<typeof AdminGetPortalLoginsParams>
