import { z } from "@medusajs/framework/zod"
import { wholeNumber } from "../fieldworkers/validators"
import { AdditionalContactCreate, AdditionalContactUpdate } from "../../utils/common-validators/additional-contact"
import { BusinessProfileCreate, BusinessProfileUpdate } from "../../utils/common-validators/business-profile"
import { SavedCardAction } from "../../utils/common-validators/saved-card"
import { BillingAddressUpdate, DependentCreate, DependentUpdate } from "../../utils/common-validators/profile-sections"

const page = {
  limit: wholeNumber("limit", 1, 100).default(20),
  offset: wholeNumber("offset", 0, Number.MAX_SAFE_INTEGER).default(0),
}

const KIND = /^[a-z][a-z_]{0,49}$/

/** A page of a customer's activity, newest first; `kind` narrows it to one or more kinds (repeated or comma-separated). */
export const AdminGetCustomerActivityParams = z
  .object({
    ...page,
    kind: z
      .union([z.string(), z.array(z.string())], { error: "kind must be one or more activity kinds, like profile_updated" })
      .transform((value) => [...new Set((Array.isArray(value) ? value : value.split(",")).map((kind) => kind.trim()).filter(Boolean))])
      .refine((kinds) => kinds.every((kind) => KIND.test(kind)), "kind must be one or more activity kinds, like profile_updated or email_sent")
      .optional(),
  })
  .strict()
export type AdminGetCustomerActivityParamsType = z.infer<typeof AdminGetCustomerActivityParams>

/** A page of the emails sent to a customer, newest first. */
export const AdminGetCustomerCommunicationsParams = z.object(page).strict()
export type AdminGetCustomerCommunicationsParamsType = z.infer<typeof AdminGetCustomerCommunicationsParams>

const text = (label: string, max: number) =>
  z
    .string({ error: `${label} is required and must be text` })
    .trim()
    .refine((value) => value.length > 0, `${label} cannot be empty`)
    .refine((value) => value.length <= max, `${label} must be at most ${max} characters`)

/** "Send message" on the customer page. */
export const AdminSendCustomerMessage = z
  .object({
    subject: text("subject", 200).refine((value) => !/[\r\n]/.test(value), "subject must be a single line"),
    body: text("body", 10_000),
  })
  .strict()
export type AdminSendCustomerMessageType = z.infer<typeof AdminSendCustomerMessage>

// A customer's profile sections, edited by staff: the same rules as the portal's.
export const AdminCreateBusinessProfile = BusinessProfileCreate
export type AdminCreateBusinessProfileType = z.infer<typeof AdminCreateBusinessProfile>
export const AdminUpdateBusinessProfile = BusinessProfileUpdate
export type AdminUpdateBusinessProfileType = z.infer<typeof AdminUpdateBusinessProfile>
export const AdminCreateAdditionalContact = AdditionalContactCreate
export type AdminCreateAdditionalContactType = z.infer<typeof AdminCreateAdditionalContact>
export const AdminUpdateAdditionalContact = AdditionalContactUpdate
export type AdminUpdateAdditionalContactType = z.infer<typeof AdminUpdateAdditionalContact>
export const AdminUpdateBillingAddress = BillingAddressUpdate
export type AdminUpdateBillingAddressType = z.infer<typeof AdminUpdateBillingAddress>
export const AdminCreateDependent = DependentCreate
export type AdminCreateDependentType = z.infer<typeof AdminCreateDependent>
export const AdminUpdateDependent = DependentUpdate
export type AdminUpdateDependentType = z.infer<typeof AdminUpdateDependent>

/** "Download data": nothing to choose, so an empty object. */
export const AdminCreateDataExport = z.object({}).strict()

/** "Erase personal data": staff type the customer's email to confirm. */
export const AdminEraseCustomer = z
  .object({
    confirm_email: z
      .string({ error: "confirm_email is required: type the customer's email address to confirm" })
      .trim()
      .min(1, "Type the customer's email address to confirm")
      .max(320, "confirm_email is too long"),
  })
  .strict()
export type AdminEraseCustomerType = z.infer<typeof AdminEraseCustomer>

/** The customer's saved cards (list, Add card, Set as default, Remove) take only the ids in the path. */
export const AdminGetSavedCardsParams = SavedCardAction
export const AdminSavedCardAction = SavedCardAction
