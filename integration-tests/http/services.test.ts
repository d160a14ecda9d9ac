import { describe, expect, it } from "vitest"
import { adminToken, api } from "../support/api"
import { TEST_SERVICE_HANDLE_PREFIX } from "../support/bookings"

describe("demo business", () => {
  it("sells its services through the portal's sales channel with starting prices in pounds", async () => {
    const regions = await api("/store/regions")
    expect(regions.status).toBe(200)
    const region = regions.body.regions.find((r: { name: string }) => r.name === "United Kingdom")
    expect(region.currency_code).toBe("gbp")

    const { status, body } = await api(`/store/products?region_id=${region.id}&fields=title,handle,metadata,*variants.calculated_price&limit=50`)
    expect(status).toBe(200)
    // Other test files add services of their own; the demo's catalogue is the rest.
    const demo = body.products.filter((product: { handle: string }) => !product.handle.startsWith(TEST_SERVICE_HANDLE_PREFIX))
    expect(demo.length).toBeGreaterThanOrEqual(8)
    expect(demo.length).toBeLessThanOrEqual(12)
    const clean = body.products.find((p: { handle: string }) => p.handle === "regular-home-clean")
    expect(clean.metadata).toMatchObject({ is_service: true, duration_minutes: 150 })
    const prices = clean.variants.map((v: { calculated_price: { calculated_amount: number } }) => v.calculated_price.calculated_amount)
    expect(Math.min(...prices)).toBe(65)
  })
})

describe("services as products", () => {
  it("lists bookable services with starting rates, filtered to a postcode when given", async () => {
    const all = await api("/store/services")
    expect(all.status).toBe(200)
    expect(all.body.services.length).toBeGreaterThanOrEqual(8)
    const clean = all.body.services.find((service: { handle: string }) => service.handle === "regular-home-clean")
    expect(clean).toMatchObject({ title: "Regular Home Clean", starting_rate: 65, currency_code: "gbp", duration_minutes: 150 })
    expect(clean.summary).toMatch(/^A thorough weekly or fortnightly clean/)

    const bristol = await api("/store/services?postal_code=bs6%207qt")
    expect(bristol.body.services.some((service: { handle: string }) => service.handle === "regular-home-clean")).toBe(true)
    const manchester = await api("/store/services?postal_code=M1%205QA")
    const handles = manchester.body.services.map((service: { handle: string }) => service.handle)
    // Only the service offered everywhere (online tutoring) reaches Manchester.
    expect(handles).toEqual(["maths-tutoring"])
  })

  it("shows one service with its options and prices, and free arrival windows", async () => {
    const service = await api("/store/services/regular-home-clean")
    expect(service.status).toBe(200)
    expect(service.body.service.variants.map((variant: { title: string; price: number }) => [variant.title, variant.price])).toEqual(
      expect.arrayContaining([
        ["1–2 bedrooms", 65],
        ["3 bedrooms", 85],
      ])
    )
    expect((await api("/store/services/not-a-service")).status).toBe(404)

    const availability = await api("/store/services/regular-home-clean/availability?days=14")
    expect(availability.status).toBe(200)
    expect(availability.body.time_zone).toBe("Europe/London")
    const windows = availability.body.windows as { starts_at: string; ends_at: string; remaining: number }[]
    expect(windows.length).toBeGreaterThan(10)
    // Never sooner than the 24-hour lead time, each window two hours, room for up to the clean's three teams
    // (other test files may have booked some windows already).
    expect(new Date(windows[0].starts_at).getTime()).toBeGreaterThanOrEqual(Date.now() + 23.9 * 3600_000)
    expect(new Date(windows[0].ends_at).getTime() - new Date(windows[0].starts_at).getTime()).toBeLessThanOrEqual(2 * 3600_000)
    expect(windows.every((window) => window.remaining >= 1 && window.remaining <= 3)).toBe(true)
    // How many are untouched depends on the files running beside this one; some always are.
    expect(Math.max(...windows.map((window) => window.remaining))).toBe(3)

    const bad = await api("/store/services/regular-home-clean/availability?days=400")
    expect(bad.status).toBe(400)
    expect(bad.body.message).toMatch(/days/)
  })

  it("lets staff mark a product as a service and change its settings, with clear errors", async () => {
    const admin = await adminToken()
    const products = await api("/admin/products?handle=window-cleaning&fields=id", { token: admin })
    const id = products.body.products[0].id
    const current = await api(`/admin/products/${id}/service`, { token: admin })
    expect(current.body.service).toMatchObject({ duration_minutes: expect.any(Number), capacity: 1 })

    const cases = [
      [{ working_hours: [{ weekday: 8, start: "08:00", end: "17:00" }] }, /weekday/],
      [{ working_hours: [{ weekday: 1, start: "17:00", end: "08:00" }] }, /end after it starts/],
      [{ service_areas: ["Bristol"] }, /postcode area or district/],
      [{ capacity: 0 }, /capacity must be between 1 and 1000/],
    ] as const
    for (const [body, message] of cases) {
      const response = await api(`/admin/products/${id}/service`, { token: admin, body })
      expect(response.status, JSON.stringify(body)).toBe(400)
      expect(response.body.message).toMatch(message)
    }

    const saved = await api(`/admin/products/${id}/service`, { token: admin, body: { capacity: 2, service_areas: ["bs6", "BA1"] } })
    expect(saved.status).toBe(200)
    expect(saved.body.service).toMatchObject({ capacity: 2, service_areas: ["BS6", "BA1"] })
    const list = await api("/store/services?postal_code=BS8%201AA")
    expect(list.body.services.some((service: { handle: string }) => service.handle === "window-cleaning")).toBe(false)

    await api(`/admin/products/${id}/service`, { token: admin, body: { capacity: 1, service_areas: ["BS", "BA"] } })
  })

  it("needs a duration to make a product a service; its 'from' price is its cheapest option's, in one of the store's currencies", async () => {
    const admin = await adminToken()
    const price = (amount: number) => [{ currency_code: "gbp", amount }]
    const created = await api("/admin/products", {
      token: admin,
      body: {
        title: `Not yet a service ${Date.now()}`,
        options: [{ title: "Size", values: ["Small", "Large"] }],
        variants: [
          { title: "Large", options: { Size: "Large" }, prices: price(55) },
          { title: "Small", options: { Size: "Small" }, prices: price(40) },
        ],
      },
    })
    const id = created.body.product.id
    const small = created.body.product.variants.find((variant: { title: string }) => variant.title === "Small")
    expect((await api(`/admin/products/${id}/service`, { token: admin })).body.service).toBeNull()
    const partial = await api(`/admin/products/${id}/service`, { token: admin, body: { capacity: 2 } })
    expect(partial.status).toBe(400)
    expect(partial.body.message).toMatch(/how long a visit takes/)
    // The "from" price is not typed: it would drift from the option prices.
    const typedRate = await api(`/admin/products/${id}/service`, { token: admin, body: { duration_minutes: 60, starting_rate: 10 } })
    expect(typedRate.status).toBe(400)
    const made = await api(`/admin/products/${id}/service`, { token: admin, body: { duration_minutes: 60 } })
    expect(made.body.service).toMatchObject({ duration_minutes: 60, starting_rate: 40, currency_code: "gbp", capacity: 1, service_areas: [] })

    // A cheaper option moves the "from" price with it.
    await api(`/admin/products/${id}/variants/${small.id}`, { token: admin, body: { prices: price(30) } })
    expect((await api(`/admin/products/${id}/service`, { token: admin })).body.service.starting_rate).toBe(30)

    // Only the store's currencies; nothing changes on a refusal.
    for (const code of ["xyz", "JPY"]) {
      const refused = await api(`/admin/products/${id}/service`, { token: admin, body: { currency_code: code } })
      expect(refused.status).toBe(400)
      expect(refused.body.message).toMatch(new RegExp(`${code.toUpperCase()} is not one of your store's currencies \\(GBP`))
    }
    expect((await api(`/admin/products/${id}/service`, { token: admin })).body.service.currency_code).toBe("gbp")
    expect((await api(`/admin/products/${id}/service`, { token: admin, method: "DELETE" })).status).toBe(200)
    expect((await api(`/admin/products/${id}/service`, { token: admin })).body.service).toBeNull()
  })
})
