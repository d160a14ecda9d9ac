const day = 24 * 60 * 60 * 1000
const at = (daysFromNow: number, hour: number) => {
  const date = new Date(Date.now() + daysFromNow * day)
  date.setUTCHours(hour, 0, 0, 0)
  return date
}

/**
 * Demo bookings with fixed numbers, so "log in with booking number" can be tried at once.
 * `email: undefined` means the demo customer's email.
 */
export const DEMO_BOOKINGS = [
  {
    booking_number: "BK-7F3K-Q9XM-2PWD",
    email: undefined as string | undefined,
    service_title: "Regular Home Clean",
    starts_at: at(3, 9),
    ends_at: at(3, 12),
    location_text: "14 Elm Grove, London SW19 4HE",
  },
  {
    // A guest booking: Priya booked by phone and has no portal login yet.
    booking_number: "BK-4M2T-8HQV-6JRN",
    email: "priya.shah@example.net" as string | undefined,
    service_title: "Carpet & Upholstery Cleaning",
    starts_at: at(6, 13),
    ends_at: at(6, 15),
    location_text: "Flat 3, 27 Canal Street, Manchester M1 3HE",
  },
]
