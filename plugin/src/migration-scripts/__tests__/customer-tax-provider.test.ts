import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { describe, expect, it } from "vitest"
import customerTaxProvider from "../customer-tax-provider"

/** A Tax Module with the given providers registered and regions, recording the updates asked for. */
function container(providers: { id: string; is_enabled: boolean }[], regions: { id: string; provider_id: string | null }[]) {
  const updates: unknown[] = []
  const tax = {
    listTaxProviders: async (filters: { id: string[] }) => providers.filter((provider) => filters.id.includes(provider.id)),
    listTaxRegions: async () => regions,
    updateTaxRegions: async (data: unknown[]) => updates.push(...data),
  }
  const logger = { info() {} }
  const resolve = (key: string) => (key === Modules.TAX ? tax : key === ContainerRegistrationKeys.LOGGER ? logger : undefined)
  return { container: { resolve } as unknown as MedusaContainer, updates }
}

const regions = [
  { id: "txreg_gb", provider_id: "tp_system" },
  { id: "txreg_ie", provider_id: "tp_avalara_main" },
]

describe("the customer-tax migration script", () => {
  it("switches the system provider's tax regions to the plugin's, leaving other providers' alone", async () => {
    const { container: app, updates } = container([{ id: "tp_fieldservice_customer", is_enabled: true }], regions)
    await customerTaxProvider({ container: app })
    expect(updates).toEqual([{ id: "txreg_gb", provider_id: "tp_fieldservice_customer" }])
  })

  it("changes nothing when the app doesn't register the plugin's provider (or no longer does)", async () => {
    for (const providers of [[], [{ id: "tp_fieldservice_customer", is_enabled: false }]]) {
      const { container: app, updates } = container(providers, regions)
      await customerTaxProvider({ container: app })
      expect(updates).toEqual([])
    }
  })
})
