import { z } from "@medusajs/framework/zod"
import { accountEmail, BILLING_FREQUENCIES, checkPostcode, withNormalPostcode, type BillingCycleSetting } from "@fieldservice/contract"
import { wholeNumber } from "../fieldworkers/validators"
import { AdditionalContactCreate, AdditionalContactUpdate } from "../../utils/common-validators/additional-contact"
import { addressFields, BusinessProfileCreate, BusinessProfileUpdate, optionalText, text as requiredText } from "../../utils/common-validators/business-profile"
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

// Repeat visits staff set up and change from the customer page: the portal's own fields and rules
// (the office's lead time applies to the first visit, as for a single staff booking).
export {
  StoreCreateBookingSeries as AdminCreateBookingSeries,
  StoreSkipSeriesVisit as AdminSkipSeriesVisit,
  StoreMoveSeriesVisit as AdminMoveSeriesVisit,
  StoreChangeBookingSeries as AdminChangeBookingSeries,
  StorePauseBookingSeries as AdminPauseBookingSeries,
  StoreEndBookingSeries as AdminEndBookingSeries,
} from "../../store/customers/me/booking-series/validators"
export type {
  StoreCreateBookingSeriesType as AdminCreateBookingSeriesType,
  StoreSkipSeriesVisitType as AdminSkipSeriesVisitType,
  StoreMoveSeriesVisitType as AdminMoveSeriesVisitType,
  StoreChangeBookingSeriesType as AdminChangeBookingSeriesType,
  StorePauseBookingSeriesType as AdminPauseBookingSeriesType,
  StoreEndBookingSeriesType as AdminEndBookingSeriesType,
} from "../../store/customers/me/booking-series/validators"
const DAY = /^\d{4}-\d{2}-\d{2}$/
const WEEKDAY = "weekday must be a number from 0 (Sunday) to 6 (Saturday)"
const MONTH_DAY = 'month_day must be a day from 1 to 28, or "last"'
const realDay = (value: string) => DAY.test(value) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value)

/**
 * A customer's billing cycle, or one business profile's (`business_profile_id`): per visit, weekly
 * or fortnightly closing on a weekday (0 Sunday … 6 Saturday; fortnightly from an anchor day it
 * closed on), or monthly on a day 1–28 or "last".
 */
export const AdminSetBillingCycle = z
  .object({
    business_profile_id: z.string({ error: "business_profile_id must be a business profile's id" }).min(1).nullable().optional(),
    frequency: z.enum(BILLING_FREQUENCIES, { error: "frequency must be per_visit, weekly, fortnightly or monthly" }),
    weekday: z
      .number({ error: WEEKDAY })
      .refine((day) => Number.isInteger(day) && day >= 0 && day <= 6, WEEKDAY)
      .optional(),
    anchor_date: z.string({ error: "anchor_date must be a date like 2027-01-08" }).refine(realDay, "anchor_date must be a date like 2027-01-08").optional(),
    // Checked by refine: Medusa words min/max failures itself ("too big"), this says what is allowed.
    month_day: z
      .union([z.number(), z.literal("last")], { error: MONTH_DAY })
      .refine((day) => day === "last" || (Number.isInteger(day) && day >= 1 && day <= 28), MONTH_DAY)
      .optional(),
  })
  .strict()
  .superRefine((value, ctx) => {
    const need = (field: string, message: string) => ctx.addIssue({ code: "custom", path: [field], message })
    if (value.frequency === "weekly" && value.weekday === undefined) need("weekday", "A weekly cycle needs the weekday it closes on (weekday).")
    if (value.frequency === "fortnightly" && !value.anchor_date) need("anchor_date", "A fortnightly cycle needs a day it closes on (anchor_date).")
    if (value.frequency === "fortnightly" && value.anchor_date && value.weekday !== undefined) {
      if (new Date(`${value.anchor_date}T00:00:00Z`).getUTCDay() !== value.weekday)
        need("anchor_date", "anchor_date must fall on the weekday the cycle closes on.")
    }
    if (value.frequency === "monthly" && value.month_day === undefined)
      need("month_day", 'A monthly cycle needs the day it closes on (month_day: 1–28 or "last").')
  })
  .transform(({ business_profile_id, ...value }) => ({
    business_profile_id: business_profile_id ?? null,
    setting: ((): BillingCycleSetting => {
      switch (value.frequency) {
        case "weekly":
          return { frequency: "weekly", weekday: value.weekday! }
        case "fortnightly":
          return { frequency: "fortnightly", weekday: new Date(`${value.anchor_date}T00:00:00Z`).getUTCDay(), anchor_date: value.anchor_date! }
        case "monthly":
          return { frequency: "monthly", month_day: value.month_day! }
        default:
          return { frequency: "per_visit" }
      }
    })(),
  }))
export type AdminSetBillingCycleType = z.infer<typeof AdminSetBillingCycle>

const ID = /^[A-Za-z0-9_]{1,255}$/
const businessProfileId = z
  .string({ error: "business_profile_id must be a business profile's id" })
  .regex(ID, "business_profile_id must be a business profile's id")
  .nullish()
  .transform((value) => value ?? null)

/** "Who pays": the customer (default), another customer, or a new billing contact made a customer and invited to the portal. */
export const AdminSetBillPayer = z.discriminatedUnion(
  "pays",
  [
    z.object({ pays: z.literal("customer"), business_profile_id: businessProfileId }).strict(),
    z
      .object({
        pays: z.literal("other_customer"),
        business_profile_id: businessProfileId,
        payer_id: z.string({ error: "payer_id is required: the customer who pays" }).regex(ID, "payer_id must be a customer's id"),
      })
      .strict(),
    z
      .object({
        pays: z.literal("billing_contact"),
        business_profile_id: businessProfileId,
        contact: z
          .object(
            {
              name: requiredText("contact.name", 200),
              email: accountEmail("contact.email must be a valid email address"),
              company: optionalText("contact.company", 200),
              address: z.object(addressFields).strict().superRefine(checkPostcode).transform(withNormalPostcode).nullish(),
            },
            { error: "contact is required: the billing contact's name and email" }
          )
          .strict(),
      })
      .strict(),
  ],
  { error: "pays must be customer, other_customer or billing_contact" }
)
export type AdminSetBillPayerType = z.infer<typeof AdminSetBillPayer>
