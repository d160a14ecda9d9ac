// A product as a bookable service (duration, currency, areas, arrival windows, opening hours),
// served by the plugin's /admin/products/:id/service routes.

import { useQuery } from "@tanstack/react-query"
import { FormFieldError } from "./field-errors"
import { sdk } from "./sdk"
import type {
  AdminServiceResponse as ServiceResponse,
  AdminUpdateService as ServiceInput,
  AdminSaveServiceResponse as SaveServiceResponse,
  OpeningPeriod,
  AdminServiceDetails as ServiceDetails,
} from "@fieldservice/contract"

export const servicePath = (productId: string) => `/admin/products/${productId}/service`
export const serviceQueryKey = (productId: string) => ["product-service", productId] as const

export function useProductService(productId: string) {
  return useQuery({
    queryKey: serviceQueryKey(productId),
    queryFn: () => sdk.client.fetch<ServiceResponse>(servicePath(productId)),
  })
}

/**
 * Saves the service settings (or makes the product a service). A refused save throws an Error
 * with the API's message, without Medusa's "Invalid request: " prefix.
 */
export async function saveService(productId: string, body: ServiceInput): Promise<SaveServiceResponse> {
  try {
    return await sdk.client.fetch<SaveServiceResponse>(servicePath(productId), { method: "POST", body })
  } catch (error) {
    if (error instanceof Error && error.message.startsWith("Invalid request: ")) {
      error.message = error.message.slice("Invalid request: ".length)
    }
    throw error
  }
}

/** The store's currencies (Settings → Store), the default first: the only ones a service can be priced in. */
export function useStoreCurrencies() {
  return useQuery({
    queryKey: ["product-service-store-currencies"],
    queryFn: async () => {
      const { stores } = await sdk.admin.store.list({ fields: "id,*supported_currencies" })
      const currencies = stores[0]?.supported_currencies ?? []
      return [...currencies].sort((a, b) => Number(b.is_default) - Number(a.is_default)).map((currency) => currency.currency_code.toUpperCase())
    },
    staleTime: 10 * 60 * 1000,
  })
}

// ---- Showing the settings -------------------------------------------------------------------

export const WEEKDAYS: ReadonlyArray<{ weekday: number; short: string; name: string }> = [
  { weekday: 1, short: "Mon", name: "Monday" },
  { weekday: 2, short: "Tue", name: "Tuesday" },
  { weekday: 3, short: "Wed", name: "Wednesday" },
  { weekday: 4, short: "Thu", name: "Thursday" },
  { weekday: 5, short: "Fri", name: "Friday" },
  { weekday: 6, short: "Sat", name: "Saturday" },
  { weekday: 7, short: "Sun", name: "Sunday" },
]

const plural = (count: number, unit: string) => `${count} ${unit}${count === 1 ? "" : "s"}`

/** "45 min", "1 hour", "2 h 30 min". */
export function formatMinutes(minutes: number): string {
  if (minutes < 60) return `${minutes} min`
  const hours = Math.floor(minutes / 60)
  const rest = minutes % 60
  return rest ? `${hours} h ${rest} min` : plural(hours, "hour")
}

/** "None" for 0, "12 hours", "2 days" for 48. */
export function formatLeadTime(hours: number): string {
  if (hours === 0) return "None"
  if (hours >= 48 && hours % 24 === 0) return plural(hours / 24, "day")
  return plural(hours, "hour")
}

/** "£65", "£65.50": the starting rate in its currency. */
export function formatRate(amount: number, currencyCode: string): string {
  const currency = currencyCode.toUpperCase()
  try {
    return new Intl.NumberFormat(undefined, {
      style: "currency",
      currency,
      minimumFractionDigits: Number.isInteger(amount) ? 0 : 2,
      maximumFractionDigits: 2,
    }).format(amount)
  } catch {
    return `${amount} ${currency}`
  }
}

/** Each weekday, Monday first, with its periods in time order (none when closed). */
export function hoursByWeekday(periods: OpeningPeriod[]): Array<{ weekday: number; short: string; name: string; periods: OpeningPeriod[] }> {
  return WEEKDAYS.map((day) => ({
    ...day,
    periods: periods.filter((period) => period.weekday === day.weekday).sort((a, b) => a.start.localeCompare(b.start)),
  }))
}

/** "08:00–18:00", "08:00–12:00, 13:00–17:00" or "Closed". */
export function formatPeriods(periods: OpeningPeriod[]): string {
  return periods.length ? periods.map((period) => `${period.start}–${period.end}`).join(", ") : "Closed"
}

// ---- Editing the settings -------------------------------------------------------------------

/** One weekday in the opening hours editor: open with its periods, or closed. */
export type DayHours = { weekday: number; open: boolean; periods: Array<{ start: string; end: string }> }

/** The hours a day gets when it is switched open. */
export const DEFAULT_PERIOD = { start: "09:00", end: "17:00" }

export function toDayHours(periods: OpeningPeriod[]): DayHours[] {
  return hoursByWeekday(periods).map(({ weekday, periods }) => ({
    weekday,
    open: periods.length > 0,
    periods: periods.length ? periods.map(({ start, end }) => ({ start, end })) : [{ ...DEFAULT_PERIOD }],
  }))
}

export function fromDayHours(days: DayHours[]): OpeningPeriod[] {
  return days.flatMap((day) => (day.open ? day.periods.map((period) => ({ weekday: day.weekday, ...period })) : []))
}

/**
 * The edit form: every field as a string (what EntryDrawer edits). The opening hours are one
 * field, the editor's DayHours[] as JSON, so any change to them sends the whole week.
 */
export type ServiceForm = {
  duration_minutes: string
  currency_code: string
  summary: string
  service_areas: string
  window_minutes: string
  capacity: string
  lead_time_hours: string
  horizon_days: string
  working_hours: string
  /** The ticked dependent type ids, as JSON. */
  dependent_type_ids: string
}

/** "Make bookable": what a product needs to become a service. */
export type NewServiceForm = Pick<ServiceForm, "duration_minutes" | "currency_code">

export const SERVICE_LABELS: Record<keyof ServiceForm, string> = {
  duration_minutes: "Duration (minutes)",
  currency_code: "Currency",
  summary: "Summary",
  service_areas: "Areas served",
  window_minutes: "Arrival window (minutes)",
  capacity: "Teams per window",
  lead_time_hours: "Lead time (hours)",
  horizon_days: "Booking horizon (days)",
  working_hours: "Opening hours",
  dependent_type_ids: "Dependents asked about",
}

export function toServiceForm(service: ServiceDetails): ServiceForm {
  return {
    duration_minutes: String(service.duration_minutes),
    currency_code: service.currency_code.toUpperCase(),
    summary: service.summary ?? "",
    service_areas: service.service_areas.join(", "),
    window_minutes: String(service.window_minutes),
    capacity: String(service.capacity),
    lead_time_hours: String(service.lead_time_hours),
    horizon_days: String(service.horizon_days),
    working_hours: JSON.stringify(toDayHours(service.working_hours)),
    dependent_type_ids: JSON.stringify(service.dependent_type_ids ?? []),
  }
}

const NUMBER_FIELDS = ["duration_minutes", "window_minutes", "capacity", "lead_time_hours", "horizon_days"] as const
type NumberField = (typeof NUMBER_FIELDS)[number]
const isNumberField = (field: string): field is NumberField => (NUMBER_FIELDS as readonly string[]).includes(field)

/**
 * The request body for the given (changed) form values. Blank or non-numeric numbers are refused
 * here; ranges, postcode areas and opening periods are checked by the API, whose 400 message the
 * drawer shows.
 */
export function toServiceBody(values: Partial<ServiceForm>): ServiceInput {
  const body: ServiceInput = {}
  for (const [field, raw] of Object.entries(values) as Array<[keyof ServiceForm, string | undefined]>) {
    if (raw === undefined) continue
    const value = raw.trim()
    if (isNumberField(field)) {
      const number = Number(value)
      if (!value || !Number.isFinite(number)) throw new FormFieldError(field, `${SERVICE_LABELS[field]} must be a number.`)
      body[field] = number
    } else if (field === "currency_code") {
      body.currency_code = value.toLowerCase()
    } else if (field === "summary") {
      body.summary = value || null
    } else if (field === "service_areas") {
      body.service_areas = value
        .split(/[,;\n]+/)
        .map((area) => area.trim().toUpperCase())
        .filter(Boolean)
    } else if (field === "dependent_type_ids") {
      body.dependent_type_ids = JSON.parse(value) as string[]
    } else if (field === "working_hours") {
      body.working_hours = fromDayHours(JSON.parse(value) as DayHours[])
    }
  }
  return body
}
