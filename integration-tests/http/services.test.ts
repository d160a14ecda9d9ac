import { describe, expect, it } from "vitest"
import { api } from "../support/api"

describe("demo business", () => {
  it("sells its services through the portal's sales channel with starting prices in pounds", async () => {
    const regions = await api("/store/regions")
    expect(regions.status).toBe(200)
    const region = regions.body.regions.find((r: { name: string }) => r.name === "United Kingdom")
    expect(region.currency_code).toBe("gbp")

    const { status, body } = await api(`/store/products?region_id=${region.id}&fields=title,handle,metadata,*variants.calculated_price&limit=50`)
    expect(status).toBe(200)
    expect(body.products.length).toBeGreaterThanOrEqual(8)
    expect(body.products.length).toBeLessThanOrEqual(12)
    const clean = body.products.find((p: { handle: string }) => p.handle === "regular-home-clean")
    expect(clean.metadata).toMatchObject({ is_service: true, duration_minutes: 150 })
    const prices = clean.variants.map((v: { calculated_price: { calculated_amount: number } }) => v.calculated_price.calculated_amount)
    expect(Math.min(...prices)).toBe(65)
  })
})
