import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { DEPENDENTS_MODULE, type DependentsModuleService } from "../../modules/dependents"
import { SERVICES_MODULE, type ServicesModuleService } from "../../modules/services"

export type ServiceDetailsFields = {
  duration_minutes: number
  currency_code?: string
  summary?: string | null
  service_areas?: string[]
  window_minutes?: number
  dependent_type_ids?: string[]
  capacity?: number
  working_hours?: { weekday: number; start: string; end: string }[]
  lead_time_hours?: number
  horizon_days?: number
}

async function storeCurrencies(container: MedusaContainer) {
  const [store] = await container.resolve(Modules.STORE).listStores({}, { relations: ["supported_currencies"], take: 1 })
  return store?.supported_currencies ?? []
}

/** Only a currency the store sells in: an unknown one ("XYZ") would show as "from XYZ 25" and price nothing. */
async function assertStoreCurrency(container: MedusaContainer, code: string) {
  const codes = (await storeCurrencies(container)).map((currency) => currency.currency_code.toLowerCase())
  if (!codes.includes(code.toLowerCase())) {
    const list = codes.map((c) => c.toUpperCase()).join(", ")
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `${code.toUpperCase()} is not one of your store's currencies (${list || "none yet"}). Add it in Settings → Store first.`
    )
  }
}

/** A new service's currency: the store's default one. */
async function defaultCurrency(container: MedusaContainer) {
  const currencies = await storeCurrencies(container)
  return ((currencies.find((currency) => currency.is_default) ?? currencies[0])?.currency_code ?? "gbp").toLowerCase()
}

type Undo = { created?: string; previous?: Record<string, unknown> & { id: string } }

/** Marks a product as a bookable service, or changes its service settings. */
const saveServiceDetailsStep = createStep(
  "save-service-details",
  async (input: { product_id: string; data: Partial<ServiceDetailsFields> }, { container }) => {
    await container.resolve(Modules.PRODUCT).retrieveProduct(input.product_id)
    if (input.data.dependent_type_ids?.length) {
      const dependents: DependentsModuleService = container.resolve(DEPENDENTS_MODULE)
      const known = new Set((await dependents.listDependentTypes({ id: input.data.dependent_type_ids }, { select: ["id"] })).map((type) => type.id))
      const unknown = input.data.dependent_type_ids.filter((id) => !known.has(id))
      if (unknown.length) throw new MedusaError(MedusaError.Types.INVALID_DATA, `${unknown.join(", ")} is not one of your dependent types`)
    }
    if (input.data.currency_code) await assertStoreCurrency(container, input.data.currency_code)
    const services: ServicesModuleService = container.resolve(SERVICES_MODULE)
    const [existing] = await services.listServiceDetails({ product_id: input.product_id }, { take: 1 })
    if (existing) {
      const before = existing as unknown as Record<string, unknown>
      const previous = Object.fromEntries(Object.keys(input.data).map((key) => [key, before[key] ?? null]))
      const updated = await services.updateServiceDetails({ id: existing.id, ...input.data } as never)
      return new StepResponse(updated, { previous: { id: existing.id, ...previous } } as Undo)
    }
    if (input.data.duration_minutes === undefined) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "To make this product a service, give how long a visit takes")
    }
    const created = await services.createServiceDetails({
      working_hours: [],
      // The "from" price is read from the option prices; the column only keeps its old value.
      starting_rate: 0,
      currency_code: await defaultCurrency(container),
      ...input.data,
      product_id: input.product_id,
    } as never)
    return new StepResponse(created, { created: created.id } as Undo)
  },
  async (undo, { container }) => {
    if (!undo) return
    const services: ServicesModuleService = container.resolve(SERVICES_MODULE)
    if (undo.created) await services.deleteServiceDetails(undo.created)
    if (undo.previous) await services.updateServiceDetails(undo.previous as never)
  }
)

const removeServiceDetailsStep = createStep(
  "remove-service-details",
  async (input: { product_id: string }, { container }) => {
    const services: ServicesModuleService = container.resolve(SERVICES_MODULE)
    const details = await services.retrieveServiceOf(input.product_id)
    await services.softDeleteServiceDetails(details.id)
    return new StepResponse({ id: details.id }, details.id)
  },
  async (id, { container }) => {
    if (!id) return
    const services: ServicesModuleService = container.resolve(SERVICES_MODULE)
    await services.restoreServiceDetails(id)
  }
)

export const saveServiceDetailsWorkflow = createWorkflow(
  "save-service-details",
  (input: { product_id: string; data: Partial<ServiceDetailsFields> }) => new WorkflowResponse(saveServiceDetailsStep(input))
)

/** The product stays in the catalogue but is no longer bookable as a service. */
export const removeServiceDetailsWorkflow = createWorkflow(
  "remove-service-details",
  (input: { product_id: string }) => new WorkflowResponse(removeServiceDetailsStep(input))
)
