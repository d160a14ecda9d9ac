import type { ICustomerModuleService, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BUSINESS_PROFILE_MODULE, type BusinessProfileModuleService } from "../../modules/business-profile"
import { CUSTOM_FIELDS_MODULE, type CustomFieldScalar, type CustomFieldsModuleService } from "../../modules/custom-fields"
import { CUSTOMER_PROFILE_MODULE, type CustomerProfileModuleService } from "../../modules/customer-profile"
import { normalizeContactMethods, type NormalizedContactMethod } from "../../modules/customer-profile/contact-details"
import { type ImportRow, newImportedProfile } from "../../utils/customer-import-rows"

/*
 * The writes of one import batch for customers that already exist (staff chose "update
 * existing"), one step per kind of record; new customers are written by importNewCustomersStep.
 * Each step either does all its writes or, when one fails, undoes the ones it did before
 * failing, so the workflow's compensation (which undoes the steps that finished) leaves
 * nothing of the batch behind.
 */

/** A row for a customer that is new (no customer_id yet) or already exists. */
export type BatchRow = { row: ImportRow; customer_id?: string }
/** A row for a customer that already exists: what these steps write. */
export type ExistingRow = { row: ImportRow; customer_id: string }

type Undo = (container: MedusaContainer) => Promise<void>

/** Runs `work`, which registers how to undo each write as it makes it; on failure undoes them (newest first) and rethrows. */
async function undoable<T, U>(
  container: MedusaContainer,
  work: (remember: (record: U) => void) => Promise<T>,
  undo: (container: MedusaContainer, records: U[]) => Promise<void>
): Promise<{ output: T; records: U[] }> {
  const records: U[] = []
  try {
    const output = await work((record) => records.push(record))
    return { output, records }
  } catch (error) {
    await undo(container, records).catch(() => undefined)
    throw error
  }
}

/** Runs `fn` on the items, `concurrency` at a time (for writes the modules only take one at a time). */
async function eachLimited<T>(items: T[], concurrency: number, fn: (item: T) => Promise<void>) {
  for (let i = 0; i < items.length; i += concurrency) {
    await Promise.all(items.slice(i, i + concurrency).map(fn))
  }
}

const PARALLEL_WRITES = 8

// ---------------------------------------------------------------------------
// Existing customers (Medusa's customer module)
// ---------------------------------------------------------------------------

type CustomerUndo = { restore: { id: string } & Record<string, unknown> }
const CUSTOMER_FIELDS = ["first_name", "last_name", "phone", "company_name"] as const

async function undoCustomers(container: MedusaContainer, records: CustomerUndo[]) {
  const customers: ICustomerModuleService = container.resolve(Modules.CUSTOMER)
  for (const { restore } of [...records].reverse()) {
    const { id, ...previous } = restore
    await customers.updateCustomers(id, previous)
  }
}

/** Updates the names, phone and company of the batch's existing customers (new ones are written by importNewCustomersStep). */
export const importExistingCustomersStep = createStep(
  "import-existing-customers",
  async (input: { rows: ExistingRow[] }, { container }) => {
    const customers: ICustomerModuleService = container.resolve(Modules.CUSTOMER)
    const { output, records } = await undoable<ExistingRow[], CustomerUndo>(
      container,
      async (remember) => {
        const changing = input.rows.filter(({ row }) => Object.keys(row.customer).length)
        if (changing.length) {
          const before = await customers.listCustomers(
            { id: changing.map((item) => item.customer_id) },
            { select: ["id", ...CUSTOMER_FIELDS], take: changing.length }
          )
          const beforeById = new Map(before.map((customer) => [customer.id, customer as unknown as Record<string, unknown>]))
          await eachLimited(changing, PARALLEL_WRITES, async ({ row, customer_id }) => {
            const previous = beforeById.get(customer_id) ?? {}
            await customers.updateCustomers(customer_id, row.customer)
            remember({ restore: { id: customer_id, ...Object.fromEntries(Object.keys(row.customer).map((key) => [key, previous[key] ?? null])) } })
          })
        }
        return input.rows
      },
      undoCustomers
    )
    return new StepResponse(output, records)
  },
  async (records, { container }) => {
    if (records) await undoCustomers(container, records)
  }
)

// ---------------------------------------------------------------------------
// Customer profiles and their link to the customer
// ---------------------------------------------------------------------------

type ProfileUndo =
  | { created: string[] }
  | { linked: { customer_id: string; profile_id: string }[] }
  | { restore: ({ id: string } & Record<string, unknown>)[] }

async function undoProfiles(container: MedusaContainer, records: ProfileUndo[]) {
  const profiles: CustomerProfileModuleService = container.resolve(CUSTOMER_PROFILE_MODULE)
  const link = container.resolve(ContainerRegistrationKeys.LINK)
  for (const record of [...records].reverse()) {
    if ("created" in record) {
      if (record.created.length) await profiles.deleteCustomerProfiles(record.created)
    } else if ("linked" in record) {
      await link.dismiss(
        record.linked.map((item) => ({
          [Modules.CUSTOMER]: { customer_id: item.customer_id },
          [CUSTOMER_PROFILE_MODULE]: { customer_profile_id: item.profile_id },
        }))
      )
    } else if (record.restore.length) {
      await profiles.updateCustomerProfiles(record.restore as never)
    }
  }
}

export type ProfiledRow = ExistingRow & { profile_id: string }

/**
 * Gives every customer of the batch a profile with the row's status, kind, tags, preferences and
 * notes: customers without one get one created and linked; existing profiles get the filled cells.
 */
export const importProfilesStep = createStep(
  "import-customer-profiles",
  async (rows: ExistingRow[], { container }) => {
    const profiles: CustomerProfileModuleService = container.resolve(CUSTOMER_PROFILE_MODULE)
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const link = container.resolve(ContainerRegistrationKeys.LINK)
    const { output, records } = await undoable<ProfiledRow[], ProfileUndo>(
      container,
      async (remember) => {
        const profileOf = new Map<string, Record<string, unknown>>()
        if (rows.length) {
          const { data } = await query.graph({
            entity: "customer",
            fields: ["id", "customer_profile.*"],
            filters: { id: rows.map((item) => item.customer_id) },
          })
          for (const customer of data) {
            if (customer.customer_profile) profileOf.set(customer.id, customer.customer_profile as unknown as Record<string, unknown>)
          }
        }

        const toCreate = rows.filter((item) => !profileOf.has(item.customer_id))
        const profileIds = new Map<string, string>()
        if (toCreate.length) {
          const created = await profiles.insertProfiles(toCreate.map(({ row }) => newImportedProfile(row.profile)))
          remember({ created })
          const links = toCreate.map((item, index) => ({ customer_id: item.customer_id, profile_id: created[index] }))
          await link.create(
            links.map((item) => ({
              [Modules.CUSTOMER]: { customer_id: item.customer_id },
              [CUSTOMER_PROFILE_MODULE]: { customer_profile_id: item.profile_id },
            }))
          )
          remember({ linked: links })
          for (const item of links) profileIds.set(item.customer_id, item.profile_id)
        }

        const updates: Record<string, unknown>[] = []
        const previous: ({ id: string } & Record<string, unknown>)[] = []
        for (const { row, customer_id } of rows) {
          const profile = profileOf.get(customer_id)
          if (!profile) continue
          profileIds.set(customer_id, profile.id as string)
          const changes: Record<string, unknown> = { ...row.profile }
          if (!Object.keys(changes).length) continue
          if (changes.status !== undefined && changes.status !== profile.status) changes.status_changed_at = new Date()
          updates.push({ id: profile.id, ...changes })
          previous.push({ id: profile.id as string, ...Object.fromEntries(Object.keys(changes).map((key) => [key, profile[key] ?? null])) })
        }
        if (updates.length) {
          await profiles.updateCustomerProfiles(updates as never)
          remember({ restore: previous })
        }
        return rows.map((item) => ({ ...item, profile_id: profileIds.get(item.customer_id)! }))
      },
      undoProfiles
    )
    return new StepResponse(output, records)
  },
  async (records, { container }) => {
    if (records) await undoProfiles(container, records)
  }
)

// ---------------------------------------------------------------------------
// Extra emails and phone numbers
// ---------------------------------------------------------------------------

type StoredMethod = NormalizedContactMethod & { id: string; profile_id: string }
type MethodUndo = { created: string[] } | { deleted: StoredMethod[] }

async function undoContactMethods(container: MedusaContainer, records: MethodUndo[]) {
  const profiles: CustomerProfileModuleService = container.resolve(CUSTOMER_PROFILE_MODULE)
  for (const record of [...records].reverse()) {
    if ("created" in record) {
      if (record.created.length) await profiles.deleteContactMethods(record.created)
    } else if (record.deleted.length) {
      await profiles.createContactMethods(
        record.deleted.map(({ kind, value, normalized, is_primary, profile_id }) => ({ kind, value, normalized, is_primary, profile_id })) as never
      )
    }
  }
}

/**
 * Sets the extra emails and numbers the row lists. For an existing customer a filled column
 * replaces that kind (emails, or numbers) and leaves the other as it was.
 */
export const importContactMethodsStep = createStep(
  "import-contact-methods",
  async (rows: ProfiledRow[], { container }) => {
    const profiles: CustomerProfileModuleService = container.resolve(CUSTOMER_PROFILE_MODULE)
    const withMethods = rows.filter(({ row }) => row.additional_emails !== undefined || row.additional_phones !== undefined)
    const { records } = await undoable<void, MethodUndo>(
      container,
      async (remember) => {
        if (!withMethods.length) return
        const stored = (await profiles.listContactMethods(
          { profile_id: withMethods.map((item) => item.profile_id) } as never,
          { take: null }
        )) as unknown as StoredMethod[]
        const storedByProfile = new Map<string, StoredMethod[]>()
        for (const method of stored) storedByProfile.set(method.profile_id, [...(storedByProfile.get(method.profile_id) ?? []), method])

        const toDelete: StoredMethod[] = []
        const toCreate: (NormalizedContactMethod & { profile_id: string })[] = []
        for (const { row, profile_id } of withMethods) {
          const current = storedByProfile.get(profile_id) ?? []
          const emails =
            row.additional_emails?.map((value) => ({ kind: "email" as const, value })) ??
            current.filter((method) => method.kind === "email").map(({ kind, value, is_primary }) => ({ kind, value, is_primary }))
          const numbers =
            row.additional_phones?.map((value) => ({ kind: "mobile" as const, value })) ??
            current.filter((method) => method.kind !== "email").map(({ kind, value, is_primary }) => ({ kind, value, is_primary }))
          const checked = normalizeContactMethods([...emails, ...numbers])
          if (!checked.ok) throw new MedusaError(MedusaError.Types.INVALID_DATA, `additional emails and phones: ${checked.message}`)
          toDelete.push(...current)
          toCreate.push(...checked.methods.map((method) => ({ ...method, profile_id })))
        }
        if (toDelete.length) {
          await profiles.deleteContactMethods(toDelete.map((method) => method.id))
          remember({ deleted: toDelete })
        }
        if (toCreate.length) {
          remember({ created: await profiles.insertContactMethods(toCreate) })
        }
      },
      undoContactMethods
    )
    return new StepResponse(undefined, records)
  },
  async (records, { container }) => {
    if (records) await undoContactMethods(container, records)
  }
)

// ---------------------------------------------------------------------------
// An existing customer's address
// ---------------------------------------------------------------------------

type AddressUndo = { created: string[] } | { restore: { id: string } & Record<string, unknown> }
const ADDRESS_FIELDS = ["address_1", "address_2", "city", "province", "postal_code", "country_code"] as const

async function undoAddresses(container: MedusaContainer, records: AddressUndo[]) {
  const customers: ICustomerModuleService = container.resolve(Modules.CUSTOMER)
  for (const record of [...records].reverse()) {
    if ("created" in record) {
      if (record.created.length) await customers.deleteCustomerAddresses(record.created)
    } else {
      const { id, ...previous } = record.restore
      await customers.updateCustomerAddresses(id, previous)
    }
  }
}

/**
 * For existing customers, the row's address becomes their default one: it updates the default
 * (or only) address, or is added as the default when they have none. (New customers get
 * theirs from importNewCustomersStep.)
 */
export const importAddressesStep = createStep(
  "import-customer-addresses",
  async (rows: ProfiledRow[], { container }) => {
    const customers: ICustomerModuleService = container.resolve(Modules.CUSTOMER)
    const changing = rows.filter((item) => item.row.address)
    const { records } = await undoable<void, AddressUndo>(
      container,
      async (remember) => {
        if (!changing.length) return
        const addresses = await customers.listCustomerAddresses(
          { customer_id: changing.map((item) => item.customer_id) },
          { select: ["id", "customer_id", "is_default_shipping", "is_default_billing", ...ADDRESS_FIELDS], take: null }
        )
        const toCreate: Record<string, unknown>[] = []
        const toUpdate: { id: string; data: Record<string, unknown>; previous: Record<string, unknown> }[] = []
        for (const { row, customer_id } of changing) {
          const own = addresses.filter((address) => address.customer_id === customer_id)
          const target = own.find((address) => address.is_default_shipping) ?? (own.length === 1 && !own[0].is_default_billing ? own[0] : undefined)
          if (target) {
            const previous = Object.fromEntries(ADDRESS_FIELDS.map((key) => [key, (target as unknown as Record<string, unknown>)[key] ?? null]))
            toUpdate.push({ id: target.id, data: { ...row.address }, previous })
          } else {
            toCreate.push({
              ...row.address,
              customer_id,
              first_name: row.customer.first_name ?? null,
              last_name: row.customer.last_name ?? null,
              is_default_shipping: !own.some((address) => address.is_default_shipping),
            })
          }
        }
        await eachLimited(toUpdate, PARALLEL_WRITES, async ({ id, data, previous }) => {
          await customers.updateCustomerAddresses(id, data)
          remember({ restore: { id, ...previous } })
        })
        if (toCreate.length) {
          const created = await customers.createCustomerAddresses(toCreate as never)
          remember({ created: (created as unknown as { id: string }[]).map((address) => address.id) })
        }
      },
      undoAddresses
    )
    return new StepResponse(undefined, records)
  },
  async (records, { container }) => {
    if (records) await undoAddresses(container, records)
  }
)

// ---------------------------------------------------------------------------
// Business profiles
// ---------------------------------------------------------------------------

type BusinessUndo = { created: string[] } | { restore: ({ id: string } & Record<string, unknown>)[] }
const BUSINESS_FIELDS = ["name", "billing_email", "tax_id", ...ADDRESS_FIELDS] as const

async function undoBusinessProfiles(container: MedusaContainer, records: BusinessUndo[]) {
  const service: BusinessProfileModuleService = container.resolve(BUSINESS_PROFILE_MODULE)
  for (const record of [...records].reverse()) {
    if ("created" in record) {
      if (record.created.length) await service.deleteBusinessProfiles(record.created)
    } else if (record.restore.length) {
      await service.updateBusinessProfiles(record.restore as never)
    }
  }
}

/** A row with business_name adds that business profile, or updates the customer's one of the same name. */
export const importBusinessProfilesStep = createStep(
  "import-business-profiles",
  async (rows: ProfiledRow[], { container }) => {
    const service: BusinessProfileModuleService = container.resolve(BUSINESS_PROFILE_MODULE)
    const withBusiness = rows.filter((item) => item.row.business)
    const { records } = await undoable<void, BusinessUndo>(
      container,
      async (remember) => {
        if (!withBusiness.length) return
        const stored = await service.listBusinessProfiles({ customer_id: withBusiness.map((item) => item.customer_id) }, { take: null })
        const toCreate: Record<string, unknown>[] = []
        const toUpdate: Record<string, unknown>[] = []
        const previous: ({ id: string } & Record<string, unknown>)[] = []
        for (const { row, customer_id } of withBusiness) {
          const business = row.business!
          const match = stored.find(
            (profile) => profile.customer_id === customer_id && profile.name.trim().toLowerCase() === business.name.toLowerCase()
          )
          if (match) {
            toUpdate.push({ id: match.id, ...business })
            previous.push({ id: match.id, ...Object.fromEntries(BUSINESS_FIELDS.map((key) => [key, (match as Record<string, unknown>)[key] ?? null])) })
          } else {
            toCreate.push({ ...business, customer_id })
          }
        }
        if (toUpdate.length) {
          await service.updateBusinessProfiles(toUpdate as never)
          remember({ restore: previous })
        }
        if (toCreate.length) {
          const created = await service.createBusinessProfiles(toCreate as never)
          remember({ created: (created as unknown as { id: string }[]).map((profile) => profile.id) })
        }
      },
      undoBusinessProfiles
    )
    return new StepResponse(undefined, records)
  },
  async (records, { container }) => {
    if (records) await undoBusinessProfiles(container, records)
  }
)

// ---------------------------------------------------------------------------
// Custom field values
// ---------------------------------------------------------------------------

type JsonInput = Record<string, unknown>
type ValueUndo = { created: string[] } | { restore: { id: string; value: CustomFieldScalar }[] }

async function undoCustomFieldValues(container: MedusaContainer, records: ValueUndo[]) {
  const service: CustomFieldsModuleService = container.resolve(CUSTOM_FIELDS_MODULE)
  for (const record of [...records].reverse()) {
    if ("created" in record) {
      if (record.created.length) await service.deleteCustomFieldValues(record.created)
    } else if (record.restore.length) {
      await service.updateCustomFieldValues(record.restore.map((row) => ({ ...row, value: row.value as unknown as JsonInput })))
    }
  }
}

/** Stores the filled custom field cells (already checked against the definitions when the row was read). */
export const importCustomFieldValuesStep = createStep(
  "import-custom-field-values",
  async (rows: ProfiledRow[], { container }) => {
    const service: CustomFieldsModuleService = container.resolve(CUSTOM_FIELDS_MODULE)
    const withValues = rows.filter(({ row }) => Object.keys(row.custom_fields).length)
    const { records } = await undoable<void, ValueUndo>(
      container,
      async (remember) => {
        if (!withValues.length) return
        const definitions = await service.listDefinitions({ target_type: "customer" })
        const fieldIdByKey = new Map(definitions.map((definition) => [definition.key, definition.id]))
        const stored = (await service.listCustomFieldValues(
          { owner_type: "customer", owner_id: withValues.map((item) => item.customer_id) },
          { select: ["id", "field_id", "owner_id", "value"], take: null }
        )) as unknown as { id: string; field_id: string; owner_id: string; value: CustomFieldScalar }[]
        const storedByKey = new Map(stored.map((value) => [`${value.owner_id}:${value.field_id}`, value]))

        const toCreate: { field_id: string; owner_type: "customer"; owner_id: string; value: CustomFieldScalar }[] = []
        const toUpdate: { id: string; value: JsonInput }[] = []
        const previous: { id: string; value: CustomFieldScalar }[] = []
        for (const { row, customer_id } of withValues) {
          for (const [key, value] of Object.entries(row.custom_fields)) {
            const field_id = fieldIdByKey.get(key)
            // The field was deleted while the import ran: the row can't be written as it is.
            if (!field_id) throw new MedusaError(MedusaError.Types.INVALID_DATA, `There is no custom field '${key}' any more`)
            const current = storedByKey.get(`${customer_id}:${field_id}`)
            if (!current) toCreate.push({ field_id, owner_type: "customer", owner_id: customer_id, value })
            else if (current.value !== value) {
              toUpdate.push({ id: current.id, value: value as unknown as JsonInput })
              previous.push({ id: current.id, value: current.value })
            }
          }
        }
        if (toUpdate.length) {
          await service.updateCustomFieldValues(toUpdate)
          remember({ restore: previous })
        }
        if (toCreate.length) {
          remember({ created: await service.insertValues(toCreate) })
        }
      },
      undoCustomFieldValues
    )
    return new StepResponse(undefined, records)
  },
  async (records, { container }) => {
    if (records) await undoCustomFieldValues(container, records)
  }
)
