import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError, QueryContext } from "@medusajs/framework/utils"
import { SERVICES_MODULE, servesPostcode, type ServicesModuleService } from "../../modules/services"
import type { AdminServiceDetails, OpeningPeriod, StoreService, StoreServiceDetail } from "@fieldservice/contract"

type DetailsRow = {
  id: string
  product_id: string
  duration_minutes: number
  currency_code: string
  summary: string | null
  service_areas: string[]
  window_minutes: number
  dependent_type_ids: string[]
  capacity: number
  working_hours: unknown
  lead_time_hours: number
  horizon_days: number
}

/** A service's settings as the API shows them, with its "from" price (see cheapestOptionPrices). */
export function presentServiceDetails(details: DetailsRow, startingRate: number | null): AdminServiceDetails {
  return {
    duration_minutes: details.duration_minutes,
    starting_rate: startingRate,
    currency_code: details.currency_code,
    summary: details.summary,
    service_areas: details.service_areas ?? [],
    window_minutes: details.window_minutes,
    dependent_type_ids: details.dependent_type_ids ?? [],
    capacity: details.capacity,
    // A JSON column the module types only as an object: the opening periods the save validated (a new service gets []).
    working_hours: (details.working_hours as OpeningPeriod[] | null) ?? [],
    lead_time_hours: details.lead_time_hours,
    horizon_days: details.horizon_days,
  }
}

type ProductRow = {
  id: string
  handle: string
  title: string
  subtitle: string | null
  description: string | null
  thumbnail: string | null
  status: string
  sales_channels?: { id: string }[] | null
}

const PRODUCT_FIELDS = ["id", "handle", "title", "subtitle", "description", "thumbnail", "status", "sales_channels.id"]

type PricedVariants = { id: string; variants?: { calculated_price?: { calculated_amount: number | null } | null }[] | null }

const cheapestOf = (prices: (number | null | undefined)[]) => {
  const priced = prices.filter((price): price is number => typeof price === "number")
  return priced.length ? Math.min(...priced) : null
}

/**
 * Each service's cheapest option price in the service's currency: the "from" price staff and
 * customers see, taken from the prices booking charges so the two never drift apart. A service
 * with no priced option has none.
 */
export async function cheapestOptionPrices(scope: MedusaContainer, rows: { product_id: string; currency_code: string }[]): Promise<Map<string, number | null>> {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const cheapest = new Map<string, number | null>()
  for (const currency of new Set(rows.map((row) => row.currency_code))) {
    const { data } = await query.graph({
      entity: "product",
      fields: ["id", "variants.calculated_price.calculated_amount"],
      filters: { id: rows.filter((row) => row.currency_code === currency).map((row) => row.product_id) },
      context: { variants: { calculated_price: QueryContext({ currency_code: currency }) } },
    })
    for (const product of data as unknown as PricedVariants[]) {
      cheapest.set(product.id, cheapestOf((product.variants ?? []).map((variant) => variant.calculated_price?.calculated_amount)))
    }
  }
  return cheapest
}

/**
 * The published services the portal's sales channels sell, oldest first; with a postcode,
 * only those offered there.
 */
export async function listPortalServices(scope: MedusaContainer, salesChannelIds: string[], postcode?: string): Promise<StoreService[]> {
  const services: ServicesModuleService = scope.resolve(SERVICES_MODULE)
  const details = (await services.listServiceDetails({}, { order: { created_at: "ASC" } })) as unknown as DetailsRow[]
  const offered = postcode ? details.filter((row) => servesPostcode(row.service_areas ?? [], postcode)) : details
  if (!offered.length) return []
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "product",
    fields: PRODUCT_FIELDS,
    filters: { id: offered.map((row) => row.product_id), status: "published" },
  })
  const products = new Map((data as unknown as ProductRow[]).filter((product) => sold(product, salesChannelIds)).map((product) => [product.id, product]))
  const listed = offered.filter((row) => products.has(row.product_id))
  const rates = await cheapestOptionPrices(scope, listed)
  return listed.map((row) => presentService(products.get(row.product_id)!, row, rates.get(row.product_id) ?? null))
}

function sold(product: ProductRow, salesChannelIds: string[]) {
  return !salesChannelIds.length || (product.sales_channels ?? []).some((channel) => salesChannelIds.includes(channel.id))
}

function presentService(product: ProductRow, details: DetailsRow, startingRate: number | null): StoreService {
  const { duration_minutes, starting_rate, currency_code, summary, service_areas, window_minutes, dependent_type_ids } = presentServiceDetails(
    details,
    startingRate
  )
  return {
    id: product.id,
    handle: product.handle,
    title: product.title,
    summary: summary ?? product.subtitle ?? null,
    description: product.description,
    thumbnail: product.thumbnail,
    duration_minutes,
    starting_rate,
    currency_code,
    service_areas,
    window_minutes,
    dependent_type_ids,
  }
}

type VariantRow = {
  id: string
  title: string
  options?: { value: string; option?: { title: string } | null }[] | null
  calculated_price?: { calculated_amount: number | null; currency_code: string | null } | null
}

const byTitle = new Intl.Collator("en", { numeric: true })

/** Options from the cheapest up ("1–2 bedrooms", "3 bedrooms", "4+"), unpriced last, equal prices by title. */
const cheapestFirst = (a: { title: string; price: number | null }, b: { title: string; price: number | null }) =>
  (a.price ?? Infinity) - (b.price ?? Infinity) || byTitle.compare(a.title, b.title)

/** One service by id or handle, with its options and their prices; 404 when not a bookable service. */
export async function retrievePortalService(scope: MedusaContainer, idOrHandle: string, salesChannelIds: string[]): Promise<StoreServiceDetail> {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const services: ServicesModuleService = scope.resolve(SERVICES_MODULE)
  const notFound = () => new MedusaError(MedusaError.Types.NOT_FOUND, `Service ${idOrHandle} was not found`)
  const filters = idOrHandle.startsWith("prod_") ? { id: idOrHandle } : { handle: idOrHandle }
  const { data: found } = await query.graph({ entity: "product", fields: ["id"], filters: { ...filters, status: "published" } })
  const productId = (found[0] as { id: string } | undefined)?.id
  if (!productId) throw notFound()
  const [details] = (await services.listServiceDetails({ product_id: productId }, { take: 1 })) as unknown as DetailsRow[]
  if (!details) throw notFound()
  const { data } = await query.graph({
    entity: "product",
    fields: [...PRODUCT_FIELDS, "variants.id", "variants.title", "variants.options.value", "variants.options.option.title", "variants.calculated_price.*"],
    filters: { id: productId },
    context: { variants: { calculated_price: QueryContext({ currency_code: details.currency_code }) } },
  })
  const product = data[0] as unknown as ProductRow & { variants?: VariantRow[] }
  if (!product || !sold(product, salesChannelIds)) throw notFound()
  const variants = (product.variants ?? [])
    .map((variant) => ({
      id: variant.id,
      title: variant.title,
      options: (variant.options ?? []).map((option) => ({ title: option.option?.title ?? null, value: option.value })),
      price: variant.calculated_price?.calculated_amount ?? null,
    }))
    .sort(cheapestFirst)
  const startingRate = cheapestOf(variants.map((variant) => variant.price))
  return { ...presentService(product, details, startingRate), working_hours: presentServiceDetails(details, startingRate).working_hours, variants }
}
