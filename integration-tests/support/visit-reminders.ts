import { inject } from "vitest"
import { adminToken, api } from "./api"
import { sql } from "./db"

const HOUR = 3_600_000
export const DAY = 24 * HOUR
export const MINUTE = 60_000

export type SentReminder = { id: string; status: string; external_id: string | null; data: Record<string, any>; to: string; idempotency_key: string }

/** The reminder emails of a booking, oldest first, as Medusa's Notification module stored them. */
export const remindersOf = (bookingId: string) =>
  sql<SentReminder>(
    `select id, status, external_id, data, "to", idempotency_key from notification
      where resource_id = $1 and template = 'visit-reminder' order by created_at`,
    [bookingId]
  )

/** Successful ones only. */
export const sentRemindersOf = async (bookingId: string) => (await remindersOf(bookingId)).filter((email) => email.status === "success")

/** What the fake Resend received for an email (its headers included). */
export async function sentBody(externalId: string) {
  const response = await fetch(`${inject("resendUrl")}/_fake/emails/${externalId}`)
  if (response.status !== 200) throw new Error(`Resend has no email ${externalId}`)
  return (await response.json()) as { headers?: Record<string, string>; html: string; text: string; subject: string }
}

/** A visit's start far enough ahead that no other file's bookings share its reminder window, on a whole hour. */
export function farVisit(daysAhead: number): Date {
  const start = new Date(Date.now() + daysAhead * DAY)
  start.setUTCMinutes(0, 0, 0)
  start.setUTCHours(10)
  return start
}

/** Settings → Customer portal → Visit reminders, as staff save them. */
export async function setReminderSettings(body: { enabled?: boolean; lead_hours?: number[] }) {
  const response = await api("/admin/portal/visit-reminders", { token: await adminToken(), body })
  if (response.status !== 200) throw new Error(`saving reminder settings failed: ${JSON.stringify(response.body)}`)
  return response.body.settings as { enabled: boolean; lead_hours: number[] }
}
