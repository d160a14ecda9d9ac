import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MathBN, MedusaError, Modules, QueryContext } from "@medusajs/framework/utils"
import { formatMoney, type InvoiceParty, type InvoiceSeller, type QuoteDepositKind } from "@fieldservice/contract"
import { BUSINESS_PROFILE_MODULE, type BusinessProfileModuleService } from "../../modules/business-profile"
import { lineAmounts } from "../../modules/invoices/totals"
import { optionTotals } from "../../modules/quotes"
import { SERVICES_MODULE, type ServicesModuleService } from "../../modules/services"
import { localDateOf } from "../../modules/services/time-zone"
import { isoDay } from "../../modules/invoices/billing-periods"
import { billTo, invoiceSeller } from "../invoices/steps/booking-invoice-draft"

/** A line as staff send it: a service's option (price and description from the catalogue unless given) or a free line. */
export type QuoteLineDraft = {
  product_id?: string | null
  variant_id?: string | null
  description?: string | null
  quantity: number
  /** Decimal text, so no float holds money. */
  unit_price?: string | null
  optional?: boolean
}
export type QuoteOptionDraft = { title: string; description?: string | null; lines: QuoteLineDraft[] }

/** The fields of a draft staff set; on an edit, whatever is left out stays as it was. */
export type QuoteDraftFields = {
  title?: string
  business_profile_id?: string | null
  address_id?: string | null
  expires_on?: string | null
  deposit?: { kind: QuoteDepositKind; value?: string | null }
  notes?: string | null
  options?: QuoteOptionDraft[]
}

export type PreparedLine = {
  rank: number
  product_id: string | null
  variant_id: string | null
  description: string
  quantity: number
  unit_price: string
  tax_rate: string
  optional: boolean
  subtotal: string
  tax_total: string
  total: string
}
export type PreparedOption = {
  rank: number
  title: string
  description: string | null
  subtotal: string
  tax_total: string
  total: string
  lines: PreparedLine[]
}

/** A draft's rows, every id checked and every amount worked out, before anything is written. */
export type PreparedQuote = {
  quote: {
    customer_id: string
    title: string
    business_profile_id: string | null
    address_id: string | null
    currency_code: string
    expires_on: string | null
    deposit_kind: QuoteDepositKind
    deposit_value: string | null
    bill_to: InvoiceParty
    seller: InvoiceSeller
    total: string
  }
  notes: string | null
  options: PreparedOption[]
}

const refuse = (message: string) => new MedusaError(MedusaError.Types.INVALID_DATA, message)
const notFound = (message: string) => new MedusaError(MedusaError.Types.NOT_FOUND, message)

/** Today in the business's calendar (YYYY-MM-DD): expiry dates are its days. */
export function businessToday(container: MedusaContainer, now = new Date()): string {
  const services: ServicesModuleService = container.resolve(SERVICES_MODULE)
  return isoDay(localDateOf(now, services.timeZone))
}

/** The store's own currency: quotes are priced in it, as its services are sold. */
export async function storeCurrency(container: MedusaContainer): Promise<string> {
  const [store] = await container.resolve(Modules.STORE).listStores({}, { relations: ["supported_currencies"], take: 1 })
  const currencies = store?.supported_currencies ?? []
  return (currencies.find((currency) => currency.is_default) ?? currencies[0])?.currency_code ?? "gbp"
}

type VariantRow = {
  id: string
  title: string | null
  product: { id: string; title: string } | null
  calculated_price?: { calculated_amount: number | null } | null
}

async function variantsOf(container: MedusaContainer, ids: string[], currencyCode: string): Promise<Map<string, VariantRow>> {
  if (!ids.length) return new Map()
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "product_variant",
    fields: ["id", "title", "product.id", "product.title", "calculated_price.calculated_amount"],
    filters: { id: ids },
    context: { calculated_price: QueryContext({ currency_code: currencyCode }) },
  })
  return new Map((data as unknown as VariantRow[]).map((row) => [row.id, row]))
}

/** Where the customer is taxed: the quote's location, else their billing address, else the region that sells in the currency. */
async function taxCountry(
  container: MedusaContainer,
  customer: { addresses?: { id: string; country_code?: string | null; is_default_billing?: boolean }[] | null },
  addressId: string | null,
  currencyCode: string
) {
  const addresses = customer.addresses ?? []
  const chosen = addresses.find((address) => address.id === addressId) ?? addresses.find((address) => address.is_default_billing)
  if (chosen?.country_code) return chosen.country_code.toLowerCase()
  const [region] = await container.resolve(Modules.REGION).listRegions({ currency_code: currencyCode }, { relations: ["countries"], take: 1 })
  return region?.countries?.[0]?.iso_2 ?? null
}

/**
 * Each line's tax rate as the customer's own orders and invoices get it: Medusa's Tax Module with
 * the plugin's customer-tax provider (exempt → 0, a special rate → that rate, else the region's).
 */
async function taxRates(
  container: MedusaContainer,
  lines: { product_id: string | null }[],
  customer: { id: string; email: string },
  countryCode: string | null,
  currencyCode: string
): Promise<string[]> {
  if (!countryCode) return lines.map(() => "0")
  const taxLines = await container.resolve(Modules.TAX).getTaxLines(
    lines.map((line, index) => ({ id: `line_${index}`, product_id: line.product_id ?? "free_line", quantity: 1, currency_code: currencyCode })),
    { address: { country_code: countryCode }, customer: { id: customer.id, email: customer.email, customer_groups: [] } }
  )
  return lines.map((_, index) => {
    const rates = taxLines.filter((tax) => "line_item_id" in tax && tax.line_item_id === `line_${index}`).map((tax) => tax.rate ?? 0)
    return rates.length ? MathBN.sum(...rates).toString() : "0"
  })
}

export type QuoteBase = {
  customer_id: string
  currency_code: string | null
  fields: Required<Omit<QuoteDraftFields, "deposit">> & { deposit: { kind: QuoteDepositKind; value?: string | null } }
}

/**
 * Checks a draft and works out every figure: the customer, their business profile and location
 * (anyone else's is "not found"), each service's option and its price in the quote's currency,
 * each line's tax rate, the amounts by the invoices' rounding rule, the expiry and the deposit.
 */
export async function prepareQuote(container: MedusaContainer, base: QuoteBase): Promise<PreparedQuote> {
  const { fields } = base
  const [customer] = await container.resolve(Modules.CUSTOMER).listCustomers({ id: base.customer_id }, { take: 1, relations: ["addresses"] })
  if (!customer) throw notFound(`Customer ${base.customer_id} was not found`)
  if (fields.business_profile_id) {
    const profiles: BusinessProfileModuleService = container.resolve(BUSINESS_PROFILE_MODULE)
    await profiles.retrieveOwnedBusinessProfile(customer.id, fields.business_profile_id)
  }
  const address = fields.address_id ? customer.addresses?.find((candidate) => candidate.id === fields.address_id) : null
  if (fields.address_id && !address) throw notFound(`Location ${fields.address_id} was not found among the customer's saved locations`)
  if (fields.expires_on && fields.expires_on < businessToday(container))
    throw refuse(`The expiry date ${fields.expires_on} is already past: choose today or later.`)

  const currency = base.currency_code ?? (await storeCurrency(container))
  const lines = fields.options.flatMap((option) => option.lines)
  const variants = await variantsOf(container, [...new Set(lines.flatMap((line) => (line.variant_id ? [line.variant_id] : [])))], currency)
  const described = lines.map((line) => {
    if (!line.variant_id) return { ...line, product_id: null, variant_id: null, description: line.description!, unit_price: line.unit_price! }
    const variant = variants.get(line.variant_id)
    if (!variant?.product) throw notFound(`Service option ${line.variant_id} was not found`)
    if (line.product_id && line.product_id !== variant.product.id) throw notFound(`Service ${line.product_id} has no option ${line.variant_id}`)
    const catalogue = variant.calculated_price?.calculated_amount
    if (!line.unit_price && (catalogue === null || catalogue === undefined)) {
      throw refuse(`${variant.product.title} has no price in ${currency.toUpperCase()}: type the line's price.`)
    }
    return {
      ...line,
      product_id: variant.product.id,
      variant_id: variant.id,
      description: line.description || [variant.product.title, variant.title].filter(Boolean).join(" · "),
      unit_price: line.unit_price || String(catalogue),
    }
  })
  const rates = await taxRates(container, described, customer, await taxCountry(container, customer, address?.id ?? null, currency), currency)

  let next = 0
  const options: PreparedOption[] = fields.options.map((option, rank) => {
    const prepared = option.lines.map((_, lineRank) => {
      const index = next++
      const line = { ...described[index], tax_rate: rates[index] }
      const amounts = lineAmounts(line, currency)
      return {
        rank: lineRank,
        product_id: line.product_id ?? null,
        variant_id: line.variant_id ?? null,
        description: line.description,
        quantity: line.quantity,
        unit_price: line.unit_price,
        tax_rate: line.tax_rate,
        optional: !!line.optional,
        subtotal: amounts.subtotal.toString(),
        tax_total: amounts.tax_total.toString(),
        total: amounts.total.toString(),
      }
    })
    const totals = optionTotals(prepared, currency)
    return {
      rank,
      title: option.title,
      description: option.description ?? null,
      subtotal: totals.subtotal.toString(),
      tax_total: totals.tax_total.toString(),
      total: totals.total.toString(),
      lines: prepared,
    }
  })
  const deposit = fields.deposit.kind === "none" ? { kind: "none" as const, value: null } : { kind: fields.deposit.kind, value: fields.deposit.value ?? null }
  const free = options.find((option) => Number(option.total) === 0)
  if (deposit.kind !== "none" && free) {
    throw refuse(`A deposit can't be asked on a quote whose total is ${formatMoney(0, currency)} ("${free.title}"): remove the deposit or price the lines.`)
  }
  return {
    quote: {
      customer_id: customer.id,
      title: fields.title,
      business_profile_id: fields.business_profile_id ?? null,
      address_id: address?.id ?? null,
      currency_code: currency,
      expires_on: fields.expires_on ?? null,
      deposit_kind: deposit.kind,
      deposit_value: deposit.value,
      bill_to: await billTo(container, { customer_id: customer.id, business_profile_id: fields.business_profile_id ?? null, location: address ?? null }),
      seller: await invoiceSeller(container),
      total: options[0].total,
    },
    notes: fields.notes ?? null,
    options,
  }
}
