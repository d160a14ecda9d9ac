/** The services the business offers, their prices and free arrival windows. */

import { apiFetch, asList, errorStatus } from "~/lib/api/api.server"
import type {
  StoreService as Service,
  StoreServiceDetail as ServiceDetail,
  StoreServiceListResponse,
  StoreServiceResponse,
  StoreAvailabilityResponse as Availability,
} from "@fieldservice/contract"

function toService<T extends Service>(service: T): T {
  return {
    ...service,
    summary: service.summary?.trim() || null,
    description: service.description?.trim() || null,
    starting_rate: typeof service.starting_rate === "number" && Number.isFinite(service.starting_rate) ? service.starting_rate : null,
    service_areas: asList(service.service_areas),
    dependent_type_ids: asList(service.dependent_type_ids),
  }
}

/** The services the business offers; with a postcode, only those offered there. */
export async function listServices(postalCode?: string): Promise<Service[]> {
  const { services } = await apiFetch<Partial<StoreServiceListResponse>>("/store/services", {
    query: postalCode ? { postal_code: postalCode } : undefined,
  })
  return asList(services).map(toService)
}

/** One service by handle (or id) with its options and prices; null when there is no such service. */
export async function getService(idOrHandle: string): Promise<ServiceDetail | null> {
  try {
    const { service } = await apiFetch<StoreServiceResponse>(`/store/services/${encodeURIComponent(idOrHandle)}`)
    return { ...toService(service), variants: asList(service.variants) }
  } catch (error) {
    if (errorStatus(error) === 404) return null
    throw error
  }
}

/** Free arrival windows for `days` days from `from` (YYYY-MM-DD in the business's time zone; default now). */
export async function getAvailability(serviceId: string, from: string | undefined, days = 14): Promise<Availability> {
  const query: Record<string, string> = { days: String(days) }
  if (from) query.from = from
  const result = await apiFetch<Partial<Availability>>(`/store/services/${encodeURIComponent(serviceId)}/availability`, { query })
  return { time_zone: result.time_zone || "Europe/London", windows: asList(result.windows) }
}
