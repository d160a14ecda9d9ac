/** The services the business offers, their prices and free arrival windows. */

import { apiFetch, asList, errorStatus } from "~/lib/api.server"

/** A bookable service as the portal lists it (GET /store/services). Amounts are in the currency's main unit. */
export type Service = {
  id: string
  handle: string
  title: string
  summary: string | null
  description: string | null
  thumbnail: string | null
  duration_minutes: number
  starting_rate: number
  /** Lowercase, e.g. "gbp". */
  currency_code: string
  /** Postcode areas served ("BS", "BS6"); empty means everywhere. */
  service_areas: string[]
  /** How long the arrival windows are. */
  window_minutes: number
}

/** One of a service's options ("3 bedrooms") with its price, null when it has none in the currency. */
export type ServiceVariant = {
  id: string
  title: string
  options: Array<{ title: string | null; value: string }>
  price: number | null
}

export type ServiceDetail = Service & { variants: ServiceVariant[] }

function toService<T extends Service>(service: T): T {
  return {
    ...service,
    summary: service.summary?.trim() || null,
    description: service.description?.trim() || null,
    starting_rate: Number(service.starting_rate) || 0,
    service_areas: asList(service.service_areas),
  }
}

/** The services the business offers; with a postcode, only those offered there. */
export async function listServices(postalCode?: string): Promise<Service[]> {
  const { services } = await apiFetch<{ services?: Service[] }>("/store/services", {
    query: postalCode ? { postal_code: postalCode } : undefined,
  })
  return asList(services).map(toService)
}

/** One service by handle (or id) with its options and prices; null when there is no such service. */
export async function getService(idOrHandle: string): Promise<ServiceDetail | null> {
  try {
    const { service } = await apiFetch<{ service: ServiceDetail }>(`/store/services/${encodeURIComponent(idOrHandle)}`)
    return { ...toService(service), variants: asList(service.variants) }
  } catch (error) {
    if (errorStatus(error) === 404) return null
    throw error
  }
}

export type ArrivalWindow = { starts_at: string; ends_at: string; remaining: number }
export type Availability = { time_zone: string; windows: ArrivalWindow[] }

/** Free arrival windows for `days` days from `from` (YYYY-MM-DD in the business's time zone; default now). */
export async function getAvailability(serviceId: string, from: string | undefined, days = 14): Promise<Availability> {
  const query: Record<string, string> = { days: String(days) }
  if (from) query.from = from
  const result = await apiFetch<Partial<Availability>>(`/store/services/${encodeURIComponent(serviceId)}/availability`, { query })
  return { time_zone: result.time_zone || "Europe/London", windows: asList(result.windows) }
}
