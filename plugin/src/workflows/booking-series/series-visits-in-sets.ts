import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { SeriesRecord } from "../../modules/booking-series"
import { SERVICES_MODULE, servesPostcode, type ServicesModuleService } from "../../modules/services"
import { locationText } from "../booking/steps/resolve-visit-location"
import { bookSeriesVisitsInSetsWorkflow } from "./book-visits-in-sets"
import type { SeriesVisitRow, SeriesVisitTemplate } from "./steps/series-visit-writes"

/** A date of a series to book in its usual window. */
export type DueVisit = { series: SeriesRecord; occurrence: string; usual: Date }

/** Visits per workflow run: big enough for sets to pay, small enough that one failure redoes little. */
const BATCH = 500

/** What a page of series needs of their customers: the account state, and what a visit's price, tax and contact depend on. */
export type SeriesCustomer = {
  id: string
  email: string
  first_name: string | null
  last_name: string | null
  phone: string | null
  groups?: { id: string }[] | null
  customer_profile?: { status?: string | null; tax_exempt?: boolean | null; tax_rate_override?: number | null } | null
}

/** The customers of a page of series, read once for the page. */
export async function readSeriesCustomers(container: MedusaContainer, customerIds: string[]): Promise<Map<string, SeriesCustomer>> {
  const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "customer",
    fields: [
      "id",
      "email",
      "first_name",
      "last_name",
      "phone",
      "groups.id",
      "customer_profile.status",
      "customer_profile.tax_exempt",
      "customer_profile.tax_rate_override",
    ],
    filters: { id: customerIds },
  })
  return new Map((data as unknown as SeriesCustomer[]).map((customer) => [customer.id, customer]))
}

/** The order of a visit placed through place-booking, as what the rest of its group copies. */
async function templateOf(container: MedusaContainer, bookingId: string): Promise<SeriesVisitTemplate | null> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: bookings } = await query.graph({ entity: "booking", fields: ["order_id"], filters: { id: bookingId } })
  const orderId = (bookings[0] as { order_id?: string | null } | undefined)?.order_id
  if (!orderId) return null
  // What the copies need: one line, and an authorized payment (pay on the day) to copy.
  const { data } = await query.graph({
    entity: "order",
    fields: ["items.id", "payment_collections.payment_sessions.provider_id"],
    filters: { id: orderId },
  })
  const order = data[0] as { items?: unknown[]; payment_collections?: { payment_sessions?: { provider_id: string }[] }[] } | undefined
  if (!order || order.items?.length !== 1 || !order.payment_collections?.[0]?.payment_sessions?.[0]?.provider_id) return null
  return { order_id: orderId }
}

export type InSetsOutcome = {
  /** Booked here (in sets, or as a group's first visit through place-booking). */
  booked: Set<string>
  /** Dates that already had their booking (an earlier run's). */
  existing: Set<string>
  /** Refused in their usual window by place-booking: only the nearest free time is left to try. */
  refused: Set<string>
}
export const visitKey = (seriesId: string, occurrence: string) => `${seriesId}|${occurrence}`

/**
 * Books what it can of `due` in sets and says which it booked: visits are grouped by what their
 * price and tax depend on (option, sales channel, country, the customer's tax setting and groups);
 * each group's first visit goes through place-booking as any visit does, and the rest copy its
 * order in batches. Visits with anything unusual (dependents, an extra contact, a business
 * profile, a location no longer theirs or served) are left for the one-by-one path.
 */
export async function bookVisitsInSets(
  container: MedusaContainer,
  due: DueVisit[],
  now: Date,
  customers: Map<string, SeriesCustomer>,
  placeOne: (visit: DueVisit) => Promise<{ outcome: "booked"; booking_id: string } | { outcome: "exists" } | { outcome: "refused" }>,
  /** Each group's price and tax, kept across the pages of one run. */
  templates: Map<string, SeriesVisitTemplate> = new Map()
): Promise<InSetsOutcome> {
  const outcome: InSetsOutcome = { booked: new Set(), existing: new Set(), refused: new Set() }
  const plain = due.filter(
    ({ series }) =>
      !series.business_profile_id && !series.additional_contact_id && !((series.dependent_ids as string[] | null) ?? []).length && series.address_id
  )
  if (!plain.length) return outcome
  const services: ServicesModuleService = container.resolve(SERVICES_MODULE)
  const addressRows = await container
    .resolve(Modules.CUSTOMER)
    .listCustomerAddresses({ id: [...new Set(plain.map(({ series }) => series.address_id!))] }, { take: null })
  const addresses = new Map(addressRows.map((a) => [a.id, a]))
  const details = new Map<string, Awaited<ReturnType<ServicesModuleService["retrieveServiceOf"]>>>()
  for (const productId of new Set(plain.map(({ series }) => series.product_id))) {
    // A service no longer offered: its visits go one by one, which says so.
    const found = await services.listServiceDetails({ product_id: productId }, { take: 1 })
    if (found[0]) details.set(productId, found[0])
  }

  const groups = new Map<string, (DueVisit & { row: SeriesVisitRow })[]>()
  for (const visit of plain) {
    const { series } = visit
    const customer = customers.get(series.customer_id)
    const address = addresses.get(series.address_id!)
    const service = details.get(series.product_id)
    if (
      !customer ||
      !service ||
      !address ||
      address.customer_id !== series.customer_id ||
      !servesPostcode(service.service_areas ?? [], address.postal_code ?? "")
    )
      continue
    const tax = customer.customer_profile?.tax_exempt ? "exempt" : String(customer.customer_profile?.tax_rate_override ?? "")
    const key = [
      series.variant_id,
      series.sales_channel_id,
      address.country_code,
      tax,
      (customer.groups ?? [])
        .map((g) => g.id)
        .sort()
        .join(","),
    ].join("|")
    // The booking row exactly as place-booking's prepare step fills it.
    const contact = (series.contact ?? {}) as { name?: string | null; email?: string | null; phone?: string | null }
    const email = (contact.email || customer.email).toLowerCase()
    const location = {
      address_1: address.address_1 ?? "",
      address_2: address.address_2,
      city: address.city ?? "",
      province: address.province,
      postal_code: address.postal_code ?? "",
      country_code: address.country_code ?? "",
    }
    const row: SeriesVisitRow = {
      email,
      customer_id: series.customer_id,
      status: "confirmed",
      service_title: series.service_title,
      option_title: series.option_title,
      product_id: series.product_id,
      variant_id: series.variant_id,
      starts_at: visit.usual.toISOString(),
      ends_at: new Date(visit.usual.getTime() + service.duration_minutes * 60_000).toISOString(),
      location_text: locationText(location),
      location,
      address_id: address.id,
      contact: {
        name: contact.name || [customer.first_name, customer.last_name].filter(Boolean).join(" ") || customer.email,
        email,
        phone: contact.phone || customer.phone || null,
      },
      business_profile_id: null,
      additional_contact_id: null,
      dependent_ids: [],
      instructions: series.instructions,
      card: null,
      series_id: series.id,
      occurrence: visit.occurrence,
    }
    groups.set(key, [...(groups.get(key) ?? []), { ...visit, row }])
  }

  for (const [key, group] of groups) {
    // The group's first visit through place-booking: its order is the price and tax of all of them.
    let template = templates.get(key) ?? null
    while (group.length && !template) {
      const first = group.shift()!
      const placed = await placeOne(first)
      // Refused (its usual window full, say): left for the nearest free time, and the next visit is tried as the first.
      if (placed.outcome !== "booked") {
        outcome[placed.outcome === "exists" ? "existing" : "refused"].add(visitKey(first.series.id, first.occurrence))
        continue
      }
      outcome.booked.add(visitKey(first.series.id, first.occurrence))
      template = await templateOf(container, placed.booking_id)
    }
    if (!template) continue
    templates.set(key, template)
    for (let i = 0; i < group.length; i += BATCH) {
      const batch = group.slice(i, i + BATCH)
      try {
        const { result } = await bookSeriesVisitsInSetsWorkflow(container).run({
          input: { template, visits: batch.map((visit) => visit.row), now: now.toISOString(), time_zone: services.timeZone },
        })
        for (const booked of result.booked) outcome.booked.add(visitKey(booked.series_id, booked.occurrence))
      } catch (error) {
        // Undone as a whole (a date booked meanwhile, say): these go one by one.
        container.resolve(ContainerRegistrationKeys.LOGGER).warn(`Repeat visits in sets: ${(error as Error).message}; booking ${batch.length} one by one`)
      }
    }
  }
  return outcome
}
