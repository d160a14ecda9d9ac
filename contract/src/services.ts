// Services: /store/services[/:id[/availability]] for the portal, /admin/products/:id/service for staff.

/** A bookable service as the portal lists it (GET /store/services). Amounts are in the currency's main unit. */
export type StoreService = {
  id: string
  handle: string
  title: string
  summary: string | null
  description: string | null
  thumbnail: string | null
  duration_minutes: number
  /** The cheapest option's price ("from £25"); null when no option has a price in the currency. */
  starting_rate: number | null
  /** Lowercase, e.g. "gbp". */
  currency_code: string
  /** Postcode areas served ("BS", "BS6"); empty means everywhere. */
  service_areas: string[]
  /** How long the arrival windows are. */
  window_minutes: number
  /** The kinds of dependent this service is for (pets for a grooming); the booking asks which of them only for these. */
  dependent_type_ids: string[]
}

/** One of a service's options ("3 bedrooms") with its price, null when it has none in the currency. */
export type StoreServiceVariant = {
  id: string
  title: string
  options: Array<{ title: string | null; value: string }>
  price: number | null
}

/** The service with its opening hours (when windows can start) and its options. */
export type StoreServiceDetail = StoreService & { working_hours: OpeningPeriod[]; variants: StoreServiceVariant[] }
/** GET /store/services */
export type StoreServiceListResponse = { services: StoreService[] }
/** GET /store/services/:id (by id or handle) */
export type StoreServiceResponse = { service: StoreServiceDetail }

export type ArrivalWindow = { starts_at: string; ends_at: string; remaining: number }
export type StoreAvailabilityResponse = { time_zone: string; windows: ArrivalWindow[] }

/** One opening period on a weekday (1 = Monday … 7 = Sunday), times "HH:MM" in the business's time zone. */
export type OpeningPeriod = { weekday: number; start: string; end: string }

export type AdminServiceDetails = {
  duration_minutes: number
  /** The cheapest option's price, in the currency's main unit (65 is £65); null when no option is priced. Read-only. */
  starting_rate: number | null
  /** Lowercase, e.g. "gbp". */
  currency_code: string
  summary: string | null
  /** Postcode areas or districts ("BS", "BS6"); empty means everywhere. */
  service_areas: string[]
  /** Length of an arrival window. */
  window_minutes: number
  /** The kinds of dependent (dependent type ids) a booking asks about; none for a service that doesn't concern them. */
  dependent_type_ids: string[]
  /** Teams that can take the same arrival window. */
  capacity: number
  working_hours: OpeningPeriod[]
  /** Minimum notice before a window starts. */
  lead_time_hours: number
  /** How many days ahead customers can book. */
  horizon_days: number
}

/** GET /admin/products/:id/service */
export type AdminServiceResponse = { service: AdminServiceDetails | null; time_zone: string }
/** POST /admin/products/:id/service → `{ service }` */
export type AdminSaveServiceResponse = { service: AdminServiceDetails }
/** Body of POST /admin/products/:id/service: any subset; the first save needs the duration and starting rate. */
/** The "from" price is worked out from the option prices, so it is not sent. */
export type AdminUpdateService = Partial<Omit<AdminServiceDetails, "starting_rate">>
export type AdminServiceDeleteResponse = { id: string; object: "service"; deleted: true }
