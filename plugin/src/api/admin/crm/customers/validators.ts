import { z } from "@medusajs/framework/zod"
import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { CUSTOM_FIELDS_MODULE, type CustomFieldsModuleService } from "../../../../modules/custom-fields"
import { validateCustomFieldValues, type FieldDefinition } from "../../../../modules/custom-fields/validation"
import { DIRECTORY_STATUSES, type DirectoryStatus } from "@fieldservice/contract"
import { DIRECTORY_ORDERS, type DirectoryFilters, type DirectoryOrder } from "../../../../modules/customer-directory/service"
import { SERVICES_MODULE, type ServicesModuleService } from "../../../../modules/services"
import { dayBoundary } from "../../../../modules/services/time-zone"
import { wholeNumber } from "../../fieldworkers/validators"

const STATUS_LIST = DIRECTORY_STATUSES.join(", ")
const ORDER_LIST = Object.keys(DIRECTORY_ORDERS).join(", ")
const isStatus = (value: string): value is DirectoryStatus => (DIRECTORY_STATUSES as readonly string[]).includes(value)

const day = (label: string) =>
  z
    .string({ error: `${label} must be a date like 2026-12-01` })
    .trim()
    .refine((value) => z.iso.date().safeParse(value).success, `${label} must be a date like 2026-12-01`)

const yesOrNo = (label: string) =>
  z
    .string({ error: `${label} must be "true" or "false"` })
    .refine((value) => value === "true" || value === "false", `${label} must be "true" or "false"`)
    .transform((value) => value === "true")

/** One value or several (repeated parameter), each non-empty. */
const list = (label: string, max: number) =>
  z
    .union([z.string(), z.array(z.string())], { error: `${label} must be text` })
    .transform((value) => [...new Set((Array.isArray(value) ? value : [value]).map((item) => item.trim()).filter(Boolean))])
    .refine((items) => items.length <= max, `at most ${max} ${label} values`)
    .refine((items) => items.every((item) => item.length <= 100), `each ${label} must be at most 100 characters`)

/** The directory's filters, shared by the list and the export. */
const filterShape = {
  /** Name, email, any extra email or phone (any format), business name or postcode. */
  q: z
    .string({ error: "q must be text" })
    .refine((q) => q.trim().length <= 200, "q must be at most 200 characters")
    .optional(),
  /** active, blocked, archived, deleted (restorable ones); comma-separated or repeated. Default: active and blocked. */
  status: z
    .union([z.string(), z.array(z.string())], { error: `status must be one or more of ${STATUS_LIST}` })
    .transform((value) => [...new Set((Array.isArray(value) ? value : value.split(",")).map((s) => s.trim()).filter(Boolean))])
    .refine((statuses) => statuses.every(isStatus), `status must be one or more of ${STATUS_LIST}`)
    .transform((statuses) => statuses as DirectoryStatus[])
    .optional(),
  /** Customers with every one of these tags. */
  tag: list("tag", 10).optional(),
  /** custom[<field key>]=<value>: customers whose custom field holds exactly this value. */
  custom: z
    .record(z.string(), z.string({ error: "each custom[<field>] must be one value" }), {
      error: "custom must be given as custom[<field key>]=<value>",
    })
    .refine((values) => Object.keys(values).length <= 10, "at most 10 custom field filters")
    .optional(),
  has_upcoming_booking: yesOrNo("has_upcoming_booking").optional(),
  /** The last visit on or after this day / on or before this day (the business's days). */
  last_booking_from: day("last_booking_from").optional(),
  last_booking_to: day("last_booking_to").optional(),
  /** An invoice still owed whose due date has passed (true), or none (false). */
  has_overdue_invoices: yesOrNo("has_overdue_invoices").optional(),
}

export const AdminExportDirectoryParams = z.object(filterShape).strict()
export type AdminExportDirectoryParamsType = z.infer<typeof AdminExportDirectoryParams>

export const AdminGetDirectoryParams = z
  .object({
    ...filterShape,
    order: z
      .string()
      .refine((order) => order in DIRECTORY_ORDERS, `order must be one of ${ORDER_LIST}`)
      .default("name")
      .transform((order) => order as DirectoryOrder),
    limit: wholeNumber("limit", 1, 100).default(20),
    offset: wholeNumber("offset", 0, 1_000_000).default(0),
  })
  .strict()
export type AdminGetDirectoryParamsType = z.infer<typeof AdminGetDirectoryParams>

/** Turns validated query parameters into the module's filters: custom values in their field's type, days into instants. */
export async function directoryFilters(query: AdminExportDirectoryParamsType, container: MedusaContainer): Promise<DirectoryFilters> {
  // Days are the business's days, in the time zone its services are booked in.
  const services: ServicesModuleService = container.resolve(SERVICES_MODULE)
  const filters: DirectoryFilters = {
    q: query.q,
    statuses: query.status,
    tags: query.tag,
    has_upcoming_booking: query.has_upcoming_booking,
    has_overdue_invoices: query.has_overdue_invoices,
    last_booking_from: query.last_booking_from ? dayBoundary(query.last_booking_from, "from", services.timeZone) : undefined,
    last_booking_to: query.last_booking_to ? dayBoundary(query.last_booking_to, "to", services.timeZone) : undefined,
  }
  if (query.custom && Object.keys(query.custom).length) {
    const customFields: CustomFieldsModuleService = container.resolve(CUSTOM_FIELDS_MODULE)
    const definitions = (await customFields.listDefinitions({ target_type: "customer" })) as unknown as FieldDefinition[]
    const known = new Set(definitions.map((definition) => definition.key))
    const unknown = Object.keys(query.custom).find((key) => !known.has(key))
    if (unknown) throw new MedusaError(MedusaError.Types.INVALID_DATA, `There is no customer custom field "${unknown}"`)
    const checked = validateCustomFieldValues(
      definitions.map((definition) => ({ ...definition, required: false })),
      query.custom,
      { audience: "staff", partial: true }
    )
    if (!checked.ok) throw new MedusaError(MedusaError.Types.INVALID_DATA, checked.errors.map((error) => error.message).join("; "))
    filters.custom_values = Object.fromEntries(Object.entries(checked.values).filter(([, value]) => value !== null)) as Record<
      string,
      string | number | boolean
    >
  }
  return filters
}
