// A customer's companies: /store/customers/me/business-profiles[/:id] and
// /admin/customers/:id/business-profiles[/:business_profile_id] (one set of handlers serves both).

export type BaseBusinessProfile = {
  id: string
  customer_id: string
  name: string
  billing_email: string
  tax_id: string | null
  address_1: string
  address_2: string | null
  city: string
  province: string | null
  postal_code: string
  /** Lowercase, e.g. "gb". */
  country_code: string
  created_at: string
  updated_at: string
}
export type StoreBusinessProfile = BaseBusinessProfile
export type AdminBusinessProfile = BaseBusinessProfile

/** Body of a create; optional fields clear with null. */
export type BaseCreateBusinessProfile = {
  name: string
  billing_email: string
  tax_id: string | null
  address_1: string
  address_2: string | null
  city: string
  province: string | null
  postal_code: string
  /** Two letters; the API stores it lowercase. */
  country_code: string
}
export type StoreCreateBusinessProfile = BaseCreateBusinessProfile
export type AdminCreateBusinessProfile = BaseCreateBusinessProfile
/** An update takes any subset. */
export type StoreUpdateBusinessProfile = Partial<BaseCreateBusinessProfile>
export type AdminUpdateBusinessProfile = Partial<BaseCreateBusinessProfile>

/** GET …/business-profiles (the admin's customer page reads them from the profile instead). */
export type StoreBusinessProfileListResponse = { business_profiles: StoreBusinessProfile[] }
export type AdminBusinessProfileListResponse = { business_profiles: AdminBusinessProfile[] }
/** GET one, create (201) and update answer with the profile. */
export type StoreBusinessProfileResponse = { business_profile: StoreBusinessProfile }
export type AdminBusinessProfileResponse = { business_profile: AdminBusinessProfile }
export type BusinessProfileDeleteResponse = { id: string; object: "business_profile"; deleted: true }
