import { describe, expect, it } from "vitest"
import { mapLocation } from "../map-location"

describe("mapLocation: where a booking's map is centred without a geocoder", () => {
  it("uses coordinates stored with the location when there are some", () => {
    expect(mapLocation({ postal_code: "BS6 7QT", country_code: "gb", latitude: 51.4702, longitude: -2.6011 })).toEqual({
      latitude: 51.4702,
      longitude: -2.6011,
      precision: "address",
      zoom: 16,
      label: null,
    })
  })

  it("otherwise centres on the UK postcode's area, and says it is approximate", () => {
    expect(mapLocation({ postal_code: "bs6 7qt", country_code: "GB" })).toMatchObject({
      precision: "postcode_area",
      label: "BS postcode area (Bristol)",
      zoom: 11,
    })
    expect(mapLocation({ postal_code: "B1 1AA", country_code: "gb" })?.label).toBe("B postcode area (Birmingham)")
    expect(mapLocation({ postal_code: "TR26 1LP", country_code: "gb" })?.label).toBe("TR postcode area (Truro)")
    expect(mapLocation({ postal_code: "M1 3HE", country_code: "gb" })?.latitude).toBeCloseTo(53.48, 1)
  })

  it("gives no map for what it can't place, so the address alone is shown", () => {
    expect(mapLocation(null)).toBeNull()
    expect(mapLocation({ postal_code: "75001", country_code: "fr" })).toBeNull()
    expect(mapLocation({ postal_code: "QQ1 1AA", country_code: "gb" })).toBeNull()
    expect(mapLocation({ postal_code: "", country_code: "gb" })).toBeNull()
    expect(mapLocation({ postal_code: "BS6 7QT", country_code: "gb", latitude: 200, longitude: 0 })?.precision).toBe("postcode_area")
  })
})
