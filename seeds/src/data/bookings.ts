type DemoAddress = { address_1: string; city: string; postal_code: string; country_code: "gb" }

export type DemoBooking = {
  /** Fixed, so "log in with booking number" can be tried at once and the seeds find it again. */
  booking_number: string
  /** The customer's email; undefined means the demo customer's. */
  email?: string
  /** The service's handle and the option's title. */
  service: string
  option: string
  /**
   * The first free arrival window from this many days from now. Negative: a past visit, placed a
   * fortnight before it and marked completed at its end.
   */
  days: number
  /** One of the customer's saved locations (by its name), or a new address (saved to their locations). */
  location: { saved: string } | { address: DemoAddress; label?: string }
  /** Booked for the customer's business profile (its name on the order's customer). */
  for_business?: boolean
  /** Who took it: the customer in the portal, or the office on the phone. */
  by: "customer" | "staff"
  instructions?: string
}

/**
 * The demo bookings, each placed through the portal's booking workflow (cart → payment → order).
 * Two upcoming visits whose numbers the README gives, and completed past visits, so the admin's
 * Orders page and the portal's "Past" tab have something in them.
 */
export const DEMO_BOOKINGS: DemoBooking[] = [
  {
    booking_number: "BK-7F3K-Q9XM-2PWD",
    service: "regular-home-clean",
    option: "3 bedrooms",
    days: 3,
    location: { saved: "Home" },
    by: "customer",
  },
  {
    // A guest booking: Priya booked by phone and has no portal login yet.
    booking_number: "BK-4M2T-8HQV-6JRN",
    email: "priya.shah@example.net",
    service: "carpet-upholstery-cleaning",
    option: "1 room",
    days: 6,
    location: { address: { address_1: "Flat 3, 27 Walcot Street", city: "Bath", postal_code: "BA1 5BG", country_code: "gb" } },
    by: "staff",
  },
  {
    booking_number: "BK-X99C-SQ27-BW14",
    service: "oven-cleaning",
    option: "Double oven",
    days: -12,
    location: { saved: "Home" },
    by: "customer",
  },
  {
    booking_number: "BK-C6XH-PE6W-J85H",
    service: "window-cleaning",
    option: "Semi-detached",
    days: -40,
    location: { saved: "Home" },
    by: "staff",
  },
  {
    booking_number: "BK-G28S-ZW29-HJ9Z",
    email: "james.carter@carterlettings.co.uk",
    service: "end-of-tenancy-clean",
    option: "2–3 bedrooms",
    days: -9,
    location: {
      address: { address_1: "Flat 2, 18 Gloucester Road", city: "Bristol", postal_code: "BS7 8AE", country_code: "gb" },
      label: "Gloucester Road flat",
    },
    for_business: true,
    by: "customer",
    instructions: "Keys in the lockbox by the door, code from the office.",
  },
  {
    booking_number: "BK-E2J7-JW3R-X291",
    email: "james.carter@carterlettings.co.uk",
    service: "end-of-tenancy-clean",
    option: "Studio or 1 bedroom",
    days: -45,
    location: {
      address: { address_1: "Flat 5, 9 Cheltenham Road", city: "Bristol", postal_code: "BS6 5QX", country_code: "gb" },
      label: "Cheltenham Road studio",
    },
    for_business: true,
    by: "staff",
  },
  {
    booking_number: "BK-F209-0WDN-A8ZX",
    email: "tom.hughes@example.org",
    service: "lawn-mowing",
    option: "Medium (50–150 m²)",
    days: -5,
    location: { address: { address_1: "31 Wellsway", city: "Bath", postal_code: "BA2 4RR", country_code: "gb" } },
    by: "staff",
  },
]
