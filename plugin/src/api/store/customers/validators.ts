import { z } from "@medusajs/framework/zod"
import { AdditionalContactCreate, AdditionalContactUpdate } from "../../utils/common-validators/additional-contact"
import { BusinessProfileCreate, BusinessProfileUpdate } from "../../utils/common-validators/business-profile"
import { BillingAddressUpdate, DependentCreate, DependentUpdate } from "../../utils/common-validators/profile-sections"

// The customer's own profile sections: the same rules as staff's (utils/common-validators).
export const StoreCreateBusinessProfile = BusinessProfileCreate
export type StoreCreateBusinessProfileType = z.infer<typeof StoreCreateBusinessProfile>
export const StoreUpdateBusinessProfile = BusinessProfileUpdate
export type StoreUpdateBusinessProfileType = z.infer<typeof StoreUpdateBusinessProfile>
export const StoreCreateAdditionalContact = AdditionalContactCreate
export type StoreCreateAdditionalContactType = z.infer<typeof StoreCreateAdditionalContact>
export const StoreUpdateAdditionalContact = AdditionalContactUpdate
export type StoreUpdateAdditionalContactType = z.infer<typeof StoreUpdateAdditionalContact>
export const StoreUpdateBillingAddress = BillingAddressUpdate
export type StoreUpdateBillingAddressType = z.infer<typeof StoreUpdateBillingAddress>
export const StoreCreateDependent = DependentCreate
export type StoreCreateDependentType = z.infer<typeof StoreCreateDependent>
export const StoreUpdateDependent = DependentUpdate
export type StoreUpdateDependentType = z.infer<typeof StoreUpdateDependent>

/** "Download my data": nothing to choose, so an empty object. */
export const StoreCreateDataExport = z.object({}).strict()
