import type { ICustomerModuleService, MedusaContainer } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CUSTOMER_PROFILE_MODULE, type CustomerProfileModuleService } from "../../../modules/customer-profile"
import { extrasBeside, normalizeContactMethods, type NormalizedContactMethod } from "../../../modules/customer-profile/contact-details"
import { undoable } from "./existing-customer-writes"
import type { ProfiledRow } from "./import-customer-profiles"

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

export const importContactMethodsStepId = "import-contact-methods"

/**
 * Sets the extra emails and numbers the row lists. For an existing customer a filled column
 * replaces that kind (emails, or numbers) and leaves the other as it was.
 */
export const importContactMethodsStep = createStep(
  importContactMethodsStepId,
  async (rows: ProfiledRow[], { container }) => {
    const profiles: CustomerProfileModuleService = container.resolve(CUSTOMER_PROFILE_MODULE)
    const withMethods = rows.filter(({ row }) => row.additional_emails !== undefined || row.additional_phones !== undefined)
    const { records } = await undoable<void, MethodUndo>(
      container,
      async (remember) => {
        if (!withMethods.length) return
        const stored = (await profiles.listContactMethods({ profile_id: withMethods.map((item) => item.profile_id) } as never, {
          take: null,
        })) as unknown as StoredMethod[]
        const customers: ICustomerModuleService = container.resolve(Modules.CUSTOMER)
        const ownContacts = new Map(
          (await customers.listCustomers({ id: withMethods.map((item) => item.customer_id) }, { select: ["id", "email", "phone"], take: null })).map(
            (customer) => [customer.id, customer]
          )
        )
        const storedByProfile = new Map<string, StoredMethod[]>()
        for (const method of stored) storedByProfile.set(method.profile_id, [...(storedByProfile.get(method.profile_id) ?? []), method])

        const toDelete: StoredMethod[] = []
        const toCreate: (NormalizedContactMethod & { profile_id: string })[] = []
        for (const { row, profile_id, customer_id } of withMethods) {
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
          // Numbers and emails that repeat the customer's own (primary) ones are not kept twice.
          const own = ownContacts.get(customer_id)
          toCreate.push(
            ...extrasBeside(checked.methods, { email: own?.email ?? row.email, phone: row.customer.phone ?? own?.phone ?? null }).map((method) => ({
              ...method,
              profile_id,
            }))
          )
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
