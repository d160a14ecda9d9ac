import { expect } from "vitest"
import { api, signUpCustomer } from "./api"
import { BRISTOL } from "./customer-records"
import { runJob } from "./jobs"

/** The repeat visits' hourly job once, its clock at `now`. */
export async function runSeriesJob(now: Date) {
  await runJob("booking-series", now)
}

const ZONE = "Europe/London"
const DAY = 86_400_000

/** "2027-03-23" and "09:00" → the instant in London. */
export function londonInstant(date: string, time: string): string {
  const guess = new Date(`${date}T${time}:00Z`)
  const offset = new Date(guess.toLocaleString("en-US", { timeZone: ZONE })).getTime() - new Date(guess.toLocaleString("en-US", { timeZone: "UTC" })).getTime()
  return new Date(guess.getTime() - offset).toISOString()
}

/** An instant's UTC date (YYYY-MM-DD). */
export const ymd = (date: Date) => date.toISOString().slice(0, 10)
/** The calendar date `days` after `date` (YYYY-MM-DD). */
export const addDays = (date: string, days: number) => ymd(new Date(new Date(`${date}T12:00:00Z`).getTime() + days * DAY))

/** The first date on or after `date` that is that weekday (0 Sunday … 6 Saturday). */
export function nextWeekday(date: string, weekday: number) {
  let day = date
  while (new Date(`${day}T12:00:00Z`).getUTCDay() !== weekday) day = addDays(day, 1)
  return day
}

export type SeriesCustomer = Awaited<ReturnType<typeof signUpCustomer>> & { addressId: string }

/** A new customer with a saved Bristol location ("Home") to book repeat visits at. */
export async function customerWithHome(first_name: string, last_name: string): Promise<SeriesCustomer> {
  const signed = await signUpCustomer({ first_name, last_name })
  const added = await api("/store/customers/me/addresses", { token: signed.token, body: { ...BRISTOL, address_name: "Home" } })
  expect(added.status, JSON.stringify(added.body)).toBe(200)
  return { ...signed, addressId: added.body.customer.addresses[0].id }
}
