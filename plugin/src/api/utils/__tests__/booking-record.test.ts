import { describe, expect, it } from "vitest"
import { type BookingModuleRecord, presentBookingRecord } from "../booking-record"

// A record as the booking module reads it: Dates, JSON columns, every column in the model's order.
const record = (): BookingModuleRecord => ({
  id: "bkg_1",
  booking_number: "BK-7Q2M4X",
  customer_id: "cus_1",
  email: "ada@example.test",
  status: "cancelled",
  service_title: "Regular Home Clean",
  starts_at: new Date("2026-12-08T09:00:00.000Z"),
  ends_at: new Date("2026-12-08T12:00:00.000Z"),
  location_text: "14 Larch Avenue, Bristol, BS6 7QT",
  product_id: "prod_1",
  variant_id: "variant_1",
  option_title: "3 bedrooms",
  order_id: "order_1",
  address_id: null,
  location: { address_1: "14 Larch Avenue", city: "Bristol", postal_code: "BS6 7QT", country_code: "gb", window_ends_at: "2026-12-08T11:00:00.000Z" },
  contact: { name: "Ada", email: "ada@example.test", phone: null },
  business_profile_id: null,
  additional_contact_id: null,
  dependent_ids: ["dep_1"],
  instructions: "Side gate",
  fieldworker_id: null,
  card: { id: "pm_1", brand: "visa", last4: "4242", exp_month: 11, exp_year: 2031 },
  gift_voucher: null,
  completed_at: null,
  completed_from: null,
  cancelled_at: new Date("2026-12-07T10:30:00.000Z"),
  cancelled_by: "customer",
  cancellation_reason: null,
  reschedule_count: 1,
  created_at: new Date("2026-12-01T08:00:00.000Z"),
  updated_at: new Date("2026-12-07T10:30:00.000Z"),
  deleted_at: null,
})

describe("presentBookingRecord", () => {
  it("writes the same JSON res.json wrote for the record, keys in the same order", () => {
    expect(JSON.stringify(presentBookingRecord(record()))).toBe(JSON.stringify(record()))
  })

  it("leaves the attachments relation out when it was loaded", () => {
    const withFiles = { ...record(), attachments: [{ id: "batt_1" }] }
    expect(JSON.stringify(presentBookingRecord(withFiles))).toBe(JSON.stringify(record()))
  })

  it("keeps dates that already arrived as ISO strings (a workflow's result) unchanged", () => {
    const serialized = JSON.parse(JSON.stringify(record())) as BookingModuleRecord
    expect(presentBookingRecord(serialized)).toEqual(JSON.parse(JSON.stringify(record())))
  })
})
