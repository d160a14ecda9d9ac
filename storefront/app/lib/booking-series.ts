/** Repeat visits in the booking flow and on My bookings: their wording. Shared by server and browser. */

import { frequencyText, type RepeatChoice, type StoreCreateBooking } from "@fieldservice/contract"

/** "Every 2 weeks on Thursday, 6 visits" for the review step, from the first visit's date (YYYY-MM-DD). */
export function repeatText(repeat: RepeatChoice, firstDay: string): string {
  const ends = repeat.until ? `, until ${repeat.until}` : repeat.count ? `, ${repeat.count} visits in all` : ", no end date"
  return `${frequencyText(repeat.frequency, firstDay)}${ends}`
}

/** How repeat visits are paid (the review step's payment line). */
export const REPEAT_PAYMENT = {
  label: "Pay on the day",
  detail: "Repeat visits are paid on the day of each visit: nothing is charged now.",
  card: null,
}

/** The series' answers from the booking's: the same visit, and how often (paid on the day, so no card). */
export function seriesInput(booking: StoreCreateBooking, repeat: RepeatChoice) {
  // Repeat visits are paid on the day of each visit: no card, no voucher.
  const { saved_card_id: _card, gift_voucher_code: _voucher, use_store_credit: _credit, ...visit } = booking
  return { ...visit, frequency: repeat.frequency, until: repeat.until, count: repeat.count }
}

export const seriesPath = (id: string) => `/bookings/series/${encodeURIComponent(id)}`
