import { type BulkTable, newEntityId } from "../../utils/bulk-insert"

export type NewBusinessProfile = {
  customer_id: string
  name: string
  billing_email: string
  tax_id: string | null
  address_1: string
  address_2: string | null
  city: string
  province: string | null
  postal_code: string
  country_code: string
}

export const BUSINESS_PROFILE_TABLE: BulkTable<NewBusinessProfile> = {
  table: "business_profile",
  columns: {
    id: "text",
    customer_id: "text",
    name: "text",
    billing_email: "text",
    tax_id: "text",
    address_1: "text",
    address_2: "text",
    city: "text",
    province: "text",
    postal_code: "text",
    country_code: "text",
  },
  newRow: (profile) => ({ id: newEntityId("bizprof"), ...profile }),
}
