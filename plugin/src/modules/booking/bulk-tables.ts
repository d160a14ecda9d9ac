import type { BulkTable } from "../../utils/bulk-insert"

/** A booking written in a set (the rolling job's series visits): every column the model has, its id and number chosen by the caller. */
export type NewBooking = {
  id: string
  booking_number: string
  customer_id: string | null
  email: string
  status: "requested" | "confirmed"
  service_title: string
  starts_at: string
  ends_at: string
  location_text: string | null
  product_id: string | null
  variant_id: string | null
  option_title: string | null
  order_id: string | null
  address_id: string | null
  location: Record<string, unknown> | null
  contact: Record<string, unknown> | null
  business_profile_id: string | null
  additional_contact_id: string | null
  dependent_ids: string[]
  instructions: string | null
  card: Record<string, unknown> | null
  series_id: string | null
  occurrence: string | null
}

export const BOOKING_TABLE: BulkTable<NewBooking> = {
  table: "booking",
  columns: {
    id: "text",
    booking_number: "text",
    customer_id: "text",
    email: "text",
    status: "text",
    service_title: "text",
    starts_at: "timestamptz",
    ends_at: "timestamptz",
    location_text: "text",
    product_id: "text",
    variant_id: "text",
    option_title: "text",
    order_id: "text",
    address_id: "text",
    location: "jsonb",
    contact: "jsonb",
    business_profile_id: "text",
    additional_contact_id: "text",
    dependent_ids: "text[]",
    instructions: "text",
    card: "jsonb",
    series_id: "text",
    occurrence: "text",
  },
  newRow: (booking) => booking,
}
