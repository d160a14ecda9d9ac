import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { BUSINESS_LOCALE } from "@fieldservice/contract"
import { loadBookingNotice } from "../emails/booking-notice"
import { BOOKING_MODULE, type BookingModuleService } from "../modules/booking"
import { changeRules, type ChangePolicy } from "../modules/booking/change-policy"
import { FIELDWORKERS_MODULE, type FieldworkersModuleService } from "../modules/fieldworkers"
import { VISIT_REMINDERS_MODULE, type VisitRemindersModuleService } from "../modules/visit-reminders"
import { unsubscribeParts } from "./unsubscribe"

/** Visits that are still coming: a cancelled, started or completed visit gets no reminder. */
const REMINDED_STATUSES = ["requested", "confirmed"]
const MINUTE = 60_000

export type DueReminder = { booking_id: string; customer_id: string; lead_minutes: number; starts_at: Date }

/**
 * The one reminder due for a visit now: the shortest lead time whose moment has come, leaving out
 * moments that had passed when the visit was booked. A visit booked a day ahead gets the 2-hour
 * reminder only, never a late 2-day one; a visit whose 2-day reminder could not go (the server
 * was down) still gets it until the 2-hour one is due. Null before the first reminder's time and
 * once the visit has started.
 */
export function dueLeadMinutes(startsAt: Date, now: Date, leadMinutes: readonly number[], bookedAt?: Date | null): number | null {
  const left = startsAt.getTime() - now.getTime()
  if (left <= 0) return null
  const due = leadMinutes.filter((lead) => lead * MINUTE >= left && (!bookedAt || bookedAt.getTime() <= startsAt.getTime() - lead * MINUTE))
  return due.length ? Math.min(...due) : null
}

/** The reminders to send now, sent ones left out; at most `limit` visits, soonest first. */
export async function dueVisitReminders(container: MedusaContainer, now: Date, limit: number): Promise<DueReminder[]> {
  const reminders: VisitRemindersModuleService = container.resolve(VISIT_REMINDERS_MODULE)
  const settings = await reminders.getSettings()
  if (!settings.enabled || !settings.lead_hours.length) return []
  const leads = settings.lead_hours.map((hours) => hours * 60)
  const bookings: BookingModuleService = container.resolve(BOOKING_MODULE)
  const upcoming = await bookings.listBookings(
    {
      status: REMINDED_STATUSES,
      customer_id: { $ne: null },
      starts_at: { $gt: now, $lte: new Date(now.getTime() + Math.max(...leads) * MINUTE) },
    } as Record<string, unknown>,
    { select: ["id", "customer_id", "starts_at", "created_at"], take: limit, order: { starts_at: "ASC" } }
  )
  const due = upcoming.flatMap((booking) => {
    const lead = dueLeadMinutes(new Date(booking.starts_at), now, leads, booking.created_at ? new Date(booking.created_at) : null)
    return lead === null ? [] : [{ booking_id: booking.id, customer_id: booking.customer_id!, lead_minutes: lead, starts_at: new Date(booking.starts_at) }]
  })
  if (!due.length) return []
  const wanted = await wantsReminders(
    container,
    due.map((reminder) => reminder.customer_id)
  )
  const sent = await reminders.listVisitReminders(
    { booking_id: due.map((reminder) => reminder.booking_id), sent_at: { $ne: null } } as Record<string, unknown>,
    { select: ["booking_id", "lead_minutes", "starts_at"] }
  )
  const sentKeys = new Set(sent.map((row) => reminderKey(row)))
  return due.filter((reminder) => wanted.has(reminder.customer_id) && !sentKeys.has(reminderKey(reminder)))
}

export const reminderKey = (reminder: { booking_id: string; lead_minutes: number; starts_at: Date | string }) =>
  `visit-reminder:${reminder.booking_id}:${reminder.lead_minutes}:${new Date(reminder.starts_at).toISOString()}`

/** The customers (of these) whose "Appointment reminders" switch is on; no profile yet means the default, on. */
async function wantsReminders(container: MedusaContainer, customerIds: string[]): Promise<Set<string>> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "customer",
    fields: ["id", "customer_profile.reminder_emails"],
    filters: { id: [...new Set(customerIds)] },
  })
  const rows = data as { id: string; customer_profile?: { reminder_emails?: boolean } | null }[]
  return new Set(rows.filter((row) => row.customer_profile?.reminder_emails !== false).map((row) => row.id))
}

const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? "" : "s"}`

/** "in 2 days", "in 2 hours", "in 45 minutes": the time left, as the customer reads it when the email arrives. */
export function timeLeftText(startsAt: Date, now: Date): string {
  const minutes = Math.round((startsAt.getTime() - now.getTime()) / MINUTE)
  if (minutes >= 22 * 60) return `in ${plural(Math.round(minutes / 1440), "day")}`
  if (minutes >= 90) return `in ${plural(Math.round(minutes / 60), "hour")}`
  return `in ${plural(Math.max(minutes, 1), "minute")}`
}

const moment = (iso: string, timeZone: string) =>
  new Intl.DateTimeFormat(BUSINESS_LOCALE, {
    timeZone,
    weekday: "long",
    day: "numeric",
    month: "long",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(new Date(iso))

/** The change rules as the email says them, from the same rules the portal and API enforce. */
export function changeRulesText(booking: { status: string; starts_at: Date | string }, policy: ChangePolicy, now: Date, timeZone: string): string {
  const rules = changeRules(booking, policy, now)
  const parts = [
    rules.can_reschedule ? `You can reschedule online until ${moment(rules.reschedule_until!, timeZone)}.` : rules.reschedule_refusal,
    rules.can_cancel ? `You can cancel online until ${moment(rules.cancel_until!, timeZone)}.` : rules.cancel_refusal,
  ]
  return [...new Set(parts.filter(Boolean))].join(" ")
}

/** The reminder email (and its unsubscribe headers) for one visit, as of `now`. */
export async function visitReminderNotification(container: MedusaContainer, reminder: DueReminder, now: Date) {
  const { booking, customer, contact, portal, timeZone, details } = await loadBookingNotice(container, reminder.booking_id)
  const policy = await portal.getChangePolicy()
  const fieldworkers: FieldworkersModuleService = container.resolve(FIELDWORKERS_MODULE)
  const [fieldworker] = booking.fieldworker_id ? await fieldworkers.listFieldworkers({ id: booking.fieldworker_id }, { withDeleted: true, take: 1 }) : []
  const { unsubscribe_url, provider_data } = unsubscribeParts(container, reminder.customer_id, "reminders")
  const page = `/bookings/${booking.id}`
  return {
    to: (contact as { email?: string }).email || customer?.email || booking.email,
    receiver_id: reminder.customer_id,
    channel: "email",
    template: "visit-reminder",
    resource_id: booking.id,
    resource_type: "booking",
    trigger_type: "booking.reminder",
    idempotency_key: reminderKey(reminder),
    provider_data,
    data: {
      ...details,
      first_name: customer?.first_name ?? undefined,
      lead_text: timeLeftText(new Date(reminder.starts_at), now),
      fieldworker_name: fieldworker?.name ?? undefined,
      booking_url: portal.portalLink(page),
      reschedule_url: portal.portalLink(`${page}/reschedule`),
      cancel_url: portal.portalLink(`${page}/cancel`),
      change_rules_text: changeRulesText(booking, policy, now, timeZone),
      cancellation_policy: policy.cancellation_policy || undefined,
      unsubscribe_url,
    },
  }
}
