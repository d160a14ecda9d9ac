import type { ExecArgs, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules, ProductStatus } from "@medusajs/framework/utils"
import {
  createApiKeysWorkflow,
  createCustomerAccountWorkflow,
  createCustomersWorkflow,
  createProductsWorkflow,
  createRegionsWorkflow,
  createSalesChannelsWorkflow,
  createShippingProfilesWorkflow,
  createUsersWorkflow,
  linkSalesChannelsToApiKeyWorkflow,
  updateStoresWorkflow,
} from "@medusajs/medusa/core-flows"
import {
  createBusinessProfileWorkflow,
  createAdditionalContactWorkflow,
  createContentEntryWorkflow,
  createCustomFieldWorkflow,
  createDependentTypeWorkflow,
  createDependentWorkflow,
  createFieldworkerWorkflow,
  enableCardPaymentsWorkflow,
  saveServiceDetailsWorkflow,
  setBillingAddressWorkflow,
  updateCustomerProfileWorkflow,
} from "@fieldservice/medusa-portal/workflows"
import { DEMO_FAQS, DEMO_TERMS } from "./data/content"
import { DEMO_FIELDWORKERS } from "./data/fieldworkers"
import { demoCustomers } from "./data/people"
import { DEMO_CUSTOMER_FIELDS, DEMO_DEPENDENT_TYPES } from "./data/profile-settings"
import { DEMO_SERVICES, demoSchedule, summaryOf } from "./data/services"
import { seedBookings } from "./bookings"
import { seedInvoices } from "./invoices"
import { seedOfficeContact } from "./office"
import { seedServiceDependents } from "./service-dependents"
import { seedTaxRegion } from "./tax"

export const BUSINESS_NAME = "Brightside Home Services"
export const PORTAL_KEY_TITLE = "Customer portal"
const SALES_CHANNEL_NAME = "Customer portal"
const REGION_NAME = "United Kingdom"

/**
 * The demo business. Every part looks for what it would create first, so running it
 * again (every `npm run dev`) changes nothing.
 */
export default async function seedDemoBusiness({ container }: ExecArgs) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const adminEmail = process.env.DEMO_ADMIN_EMAIL || "admin@example.com"
  const adminPassword = process.env.DEMO_ADMIN_PASSWORD || "supersecret"
  const customerEmail = process.env.DEMO_CUSTOMER_EMAIL || "customer@example.com"
  const customerPassword = process.env.DEMO_CUSTOMER_PASSWORD || "supersecret"

  const salesChannelId = await seedStore(container)
  await seedPortalKey(container, salesChannelId)
  const regionId = await seedRegion(container)
  // With Stripe configured (STRIPE_API_KEY), customers can also pay by saved card; pay on the day stays.
  await enableCardPaymentsWorkflow(container).run()
  await seedServices(container, salesChannelId)
  await seedAdmin(container, adminEmail, adminPassword)
  await seedCustomers(container, customerEmail, customerPassword)
  await seedContent(container)
  await seedOfficeContact(container)
  await seedBusinessProfiles(container)
  await seedProfileSettings(container)
  await seedServiceDependents(container)
  await seedProfileDetails(container, customerEmail)
  await seedFieldworkers(container)
  // Last: bookings go to the customers' saved locations and business profiles.
  await seedBookings(container, customerEmail, salesChannelId)
  await seedInvoices(container)
  logger.info(`Demo business ready (region ${regionId}).`)
}

async function seedStore(container: MedusaContainer): Promise<string> {
  const storeModule = container.resolve(Modules.STORE)
  const salesChannels = container.resolve(Modules.SALES_CHANNEL)
  const [store] = await storeModule.listStores({}, { relations: ["supported_currencies"] })

  let [channel] = await salesChannels.listSalesChannels({ name: SALES_CHANNEL_NAME })
  if (!channel) {
    const { result } = await createSalesChannelsWorkflow(container).run({
      input: { salesChannelsData: [{ name: SALES_CHANNEL_NAME, description: "Bookings made by customers in the self-service portal" }] },
    })
    channel = result[0]
  }
  const hasGbp = store.supported_currencies?.some((currency) => currency.currency_code === "gbp")
  await updateStoresWorkflow(container).run({
    input: {
      selector: { id: store.id },
      update: {
        name: BUSINESS_NAME,
        default_sales_channel_id: channel.id,
        ...(hasGbp ? {} : { supported_currencies: [{ currency_code: "gbp", is_default: true }] }),
      },
    },
  })
  return channel.id
}

async function seedPortalKey(container: MedusaContainer, salesChannelId: string) {
  const apiKeys = container.resolve(Modules.API_KEY)
  const [existing] = await apiKeys.listApiKeys({ title: PORTAL_KEY_TITLE, type: "publishable" })
  if (existing) return
  const { result } = await createApiKeysWorkflow(container).run({
    input: { api_keys: [{ title: PORTAL_KEY_TITLE, type: "publishable", created_by: "" }] },
  })
  await linkSalesChannelsToApiKeyWorkflow(container).run({
    input: { id: result[0].id, add: [salesChannelId] },
  })
}

async function seedRegion(container: MedusaContainer): Promise<string> {
  const regions = container.resolve(Modules.REGION)
  const [existing] = await regions.listRegions({ name: REGION_NAME })
  if (existing) return existing.id
  const { result } = await createRegionsWorkflow(container).run({
    input: { regions: [{ name: REGION_NAME, currency_code: "gbp", countries: ["gb"], payment_providers: ["pp_system_default"], automatic_taxes: true }] },
  })
  await seedTaxRegion(container)
  return result[0].id
}

async function seedServices(container: MedusaContainer, salesChannelId: string) {
  const products = container.resolve(Modules.PRODUCT)
  const existing = await products.listProducts({ handle: DEMO_SERVICES.map((service) => service.handle) }, { select: ["handle"] })
  const missing = DEMO_SERVICES.filter((service) => !existing.some((product) => product.handle === service.handle))
  if (missing.length) await createServiceProducts(container, salesChannelId, missing)
  await seedServiceDetails(container)
}

/** Duration, starting rate, areas and opening hours for each demo service that has none yet. */
async function seedServiceDetails(container: MedusaContainer) {
  const products = container.resolve(Modules.PRODUCT)
  const services = container.resolve("services") as { listServiceDetails: (filters: Record<string, unknown>) => Promise<{ product_id: string }[]> }
  const found = await products.listProducts({ handle: DEMO_SERVICES.map((service) => service.handle) }, { select: ["id", "handle"] })
  const done = new Set((await services.listServiceDetails({ product_id: found.map((product) => product.id) })).map((row) => row.product_id))
  for (const product of found.filter((p) => !done.has(p.id))) {
    const service = DEMO_SERVICES.find((s) => s.handle === product.handle)!
    await saveServiceDetailsWorkflow(container).run({
      input: {
        product_id: product.id,
        data: {
          duration_minutes: service.duration_minutes,
          starting_rate: Math.min(...service.options.values.map((value) => value.price)),
          currency_code: "gbp",
          summary: summaryOf(service),
          ...demoSchedule(service),
        },
      },
    })
  }
}

async function createServiceProducts(container: MedusaContainer, salesChannelId: string, missing: typeof DEMO_SERVICES) {
  const fulfillment = container.resolve(Modules.FULFILLMENT)

  let [profile] = await fulfillment.listShippingProfiles({ type: "default" })
  if (!profile) {
    const { result } = await createShippingProfilesWorkflow(container).run({
      input: { data: [{ name: "On-site services", type: "default" }] },
    })
    profile = result[0]
  }

  await createProductsWorkflow(container).run({
    input: {
      products: missing.map((service) => ({
        title: service.title,
        handle: service.handle,
        description: service.description,
        status: ProductStatus.PUBLISHED,
        shipping_profile_id: profile.id,
        sales_channels: [{ id: salesChannelId }],
        metadata: { is_service: true, duration_minutes: service.duration_minutes },
        options: [{ title: service.options.title, values: service.options.values.map((value) => value.value) }],
        variants: service.options.values.map((value) => ({
          title: value.value,
          manage_inventory: false,
          options: { [service.options.title]: value.value },
          prices: [{ currency_code: "gbp", amount: value.price }],
        })),
      })),
    },
  })
}

async function seedAdmin(container: MedusaContainer, email: string, password: string) {
  const users = container.resolve(Modules.USER)
  const auth = container.resolve(Modules.AUTH)
  const [existing] = await users.listUsers({ email })
  if (existing) return
  const { result } = await createUsersWorkflow(container).run({
    input: { users: [{ email, first_name: "Sam", last_name: "Okafor" }] },
  })
  const { authIdentity, error } = await auth.register("emailpass", { body: { email, password } })
  if (error || !authIdentity) throw new Error(`Could not create the demo admin login: ${error}`)
  await auth.updateAuthIdentities({ id: authIdentity.id, app_metadata: { user_id: result[0].id } })
}

async function seedCustomers(container: MedusaContainer, customerEmail: string, customerPassword: string) {
  const customers = container.resolve(Modules.CUSTOMER)
  const auth = container.resolve(Modules.AUTH)
  for (const person of demoCustomers(customerEmail, customerPassword)) {
    const [existing] = await customers.listCustomers({ email: person.email, has_account: !!person.password })
    if (existing) continue
    const customerData = {
      email: person.email,
      first_name: person.first_name,
      last_name: person.last_name,
      phone: person.phone,
      company_name: person.company_name,
    }
    let customerId: string
    if (person.password) {
      const { authIdentity, error } = await auth.register("emailpass", {
        body: { email: person.email, password: person.password },
      })
      if (error || !authIdentity) throw new Error(`Could not create the login for ${person.email}: ${error}`)
      const { result } = await createCustomerAccountWorkflow(container).run({
        input: { authIdentityId: authIdentity.id, customerData },
      })
      customerId = result.id
    } else {
      const { result } = await createCustomersWorkflow(container).run({ input: { customersData: [customerData] } })
      customerId = result[0].id
    }
    await updateCustomerProfileWorkflow(container).run({
      input: {
        customer_id: customerId,
        // Demo logins are ready to use; real sign-ups confirm their email first.
        changes: { kind: person.kind, email_verified_at: person.password ? new Date() : null },
        actor: { type: "system" },
      },
    })
  }
}

async function seedContent(container: MedusaContainer) {
  const content = container.resolve("content") as {
    list: (collection: "faqs" | "terms") => Promise<{ question?: string; slug?: string }[]>
  }
  const faqs = await content.list("faqs")
  for (const faq of DEMO_FAQS.filter((item) => !faqs.some((existing) => existing.question === item.question))) {
    await createContentEntryWorkflow(container).run({ input: { collection: "faqs", data: faq } })
  }
  const terms = await content.list("terms")
  for (const term of DEMO_TERMS.filter((item) => !terms.some((existing) => existing.slug === item.slug))) {
    await createContentEntryWorkflow(container).run({ input: { collection: "terms", data: term } })
  }
}

async function seedBusinessProfiles(container: MedusaContainer) {
  const customers = container.resolve(Modules.CUSTOMER)
  const businessProfiles = container.resolve("business_profile") as {
    listBusinessProfiles: (filters: { customer_id: string }) => Promise<unknown[]>
  }
  for (const person of demoCustomers("", "").filter((p) => p.company_name && p.business)) {
    const [customer] = await customers.listCustomers({ email: person.email }, { take: 1 })
    if (!customer || (await businessProfiles.listBusinessProfiles({ customer_id: customer.id })).length) continue
    await createBusinessProfileWorkflow(container).run({
      input: { customer_id: customer.id, data: { name: person.company_name!, ...person.business! } },
    })
  }
}

type Lister = {
  listCustomFields: (filters: Record<string, unknown>) => Promise<{ key: string }[]>
}

/** Custom fields for customers, and the dependent types with theirs. */
async function seedProfileSettings(container: MedusaContainer) {
  const fields = container.resolve("custom_fields") as Lister
  const dependents = container.resolve("dependents") as {
    listDependentTypes: (filters: Record<string, unknown>) => Promise<{ id: string; label_plural: string }[]>
  }
  const customerFields = await fields.listCustomFields({ target_type: "customer" })
  for (const field of DEMO_CUSTOMER_FIELDS.filter((f) => !customerFields.some((existing) => existing.key === f.key))) {
    await createCustomFieldWorkflow(container).run({ input: { data: { ...field, target_type: "customer" } } })
  }
  for (const type of DEMO_DEPENDENT_TYPES) {
    let [existing] = await dependents.listDependentTypes({ label_plural: type.label_plural })
    if (!existing) {
      const { result } = await createDependentTypeWorkflow(container).run({
        input: { label_singular: type.label_singular, label_plural: type.label_plural, rank: DEMO_DEPENDENT_TYPES.indexOf(type) },
      })
      existing = result
    }
    const typeFields = await fields.listCustomFields({ target_type: "dependent_type", target_id: existing.id })
    for (const field of type.fields.filter((f) => !typeFields.some((e) => e.key === f.key))) {
      await createCustomFieldWorkflow(container).run({
        input: { data: { ...field, target_type: "dependent_type", target_id: existing.id } },
      })
    }
  }
}

/**
 * The demo customer's filled-in profile: tags, field values, a pet, saved locations and a
 * billing address; the letting agent gets a tenant as an extra contact. Only done once, when
 * the demo customer has no dependents yet.
 */
async function seedProfileDetails(container: MedusaContainer, customerEmail: string) {
  const customers = container.resolve(Modules.CUSTOMER)
  const dependents = container.resolve("dependents") as {
    listDependents: (filters: Record<string, unknown>) => Promise<unknown[]>
    listDependentTypes: (filters: Record<string, unknown>) => Promise<{ id: string }[]>
  }
  const [olivia] = await customers.listCustomers({ email: customerEmail, has_account: true }, { take: 1 })
  if (!olivia || (await dependents.listDependents({ customer_id: olivia.id })).length) return

  await updateCustomerProfileWorkflow(container).run({
    input: {
      customer_id: olivia.id,
      changes: { tags: ["Regular", "Pet owner"] },
      custom_fields: { gate_code: "4471", heard_about_us: "Friend or neighbour", account_manager: "Sam Patel", holds_key: true },
      actor: { type: "system" },
    },
  })
  await customers.createCustomerAddresses([
    {
      customer_id: olivia.id,
      address_name: "Home",
      first_name: "Olivia",
      last_name: "Bennett",
      address_1: "14 Larch Avenue",
      city: "Bristol",
      postal_code: "BS6 7QT",
      country_code: "gb",
      is_default_shipping: true,
    },
    {
      customer_id: olivia.id,
      address_name: "Holiday cottage",
      address_1: "Rose Cottage, Harbour Lane",
      city: "St Ives",
      province: "Cornwall",
      postal_code: "TR26 1LP",
      country_code: "gb",
    },
  ])
  await setBillingAddressWorkflow(container).run({ input: { customer_id: olivia.id, same_as_booking: true } })
  const [pets] = await dependents.listDependentTypes({ label_plural: "Pets" })
  if (pets) {
    await createDependentWorkflow(container).run({
      input: {
        customer_id: olivia.id,
        audience: "staff",
        data: { type_id: pets.id, name: "Maple", notes: "Friendly; stays in the kitchen during visits." },
        custom_fields: { breed: "Labrador", allergies: "Chicken", weight_kg: 31, handling_notes: "Give her a biscuit at the door." },
      },
    })
  }

  const [james] = await customers.listCustomers({ email: "james.carter@carterlettings.co.uk" }, { take: 1 })
  if (james) {
    await updateCustomerProfileWorkflow(container).run({
      input: { customer_id: james.id, changes: { tags: ["Commercial", "Landlord"], payment_terms_days: 30 }, actor: { type: "system" } },
    })
    await createAdditionalContactWorkflow(container).run({
      input: {
        customer_id: james.id,
        data: { name: "Amira Okafor", role: "Tenant, Flat 3", emails: ["amira.okafor@example.com"], phones: ["+44 7700 900612"] },
      },
    })
  }
}

/** The field team staff assign bookings to (Settings → Fieldworkers). */
async function seedFieldworkers(container: MedusaContainer) {
  const fieldworkers = container.resolve("fieldworkers") as {
    listFieldworkers: (filters: { email: string[] }, config: { withDeleted: boolean }) => Promise<{ email: string }[]>
  }
  // Someone staff removed stays removed: soft-deleted ones count as seeded.
  const existing = await fieldworkers.listFieldworkers({ email: DEMO_FIELDWORKERS.map((f) => f.email) }, { withDeleted: true })
  for (const fieldworker of DEMO_FIELDWORKERS.filter((f) => !existing.some((e) => e.email === f.email))) {
    await createFieldworkerWorkflow(container).run({ input: fieldworker })
  }
}
