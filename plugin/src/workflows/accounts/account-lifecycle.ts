import type { IAuthModuleService, ICustomerModuleService, MedusaContainer } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { RESTORE_WINDOW_MS } from "@fieldservice/contract"
import { CUSTOMER_MERGE_MODULE, type CustomerMergeModuleService } from "../../modules/customer-merge"
import { PORTAL_ACCESS_MODULE, type PortalAccessModuleService } from "../../modules/portal-access"
import type { ActivityActor } from "../customer-profile/activity"
import { recordActivityStep } from "../customer-profile/steps/record-activity"

/** A step's compensation: the customer restored again, or deleted again. */
const undoWith =
  (method: "restoreCustomers" | "softDeleteCustomers") =>
  async (customerId: string | undefined, { container }: { container: MedusaContainer }) => {
    if (!customerId) return
    const customers: ICustomerModuleService = container.resolve(Modules.CUSTOMER)
    await customers[method]([customerId])
  }

export const softDeleteCustomerStep = createStep(
  "soft-delete-customer",
  async (input: { customer_id: string }, { container }) => {
    const customers: ICustomerModuleService = container.resolve(Modules.CUSTOMER)
    await customers.retrieveCustomer(input.customer_id)
    await customers.softDeleteCustomers([input.customer_id])
    return new StepResponse(undefined, input.customer_id)
  },
  undoWith("restoreCustomers")
)

/** Removes every login of the customer (password, Google, Facebook) and their open links. Last step: not undone. */
export const removeLoginsStep = createStep("remove-customer-logins", async (input: { customer_id: string }, { container }) => {
  const auth: IAuthModuleService = container.resolve(Modules.AUTH)
  const portal: PortalAccessModuleService = container.resolve(PORTAL_ACCESS_MODULE)
  const identities = await auth.listAuthIdentities({ app_metadata: { customer_id: input.customer_id } } as never)
  if (identities.length) await auth.deleteAuthIdentities(identities.map((identity) => identity.id))
  await portal.revokeAccountTokens(input.customer_id, "invite")
  await portal.revokeAccountTokens(input.customer_id, "verify_email")
  return new StepResponse({ removed_logins: identities.length })
})

/** Staff delete: the customer and all their data are kept (soft delete) for 30 days; logins go now. */
export const deleteCustomerAccountWorkflow = createWorkflow(
  "portal-delete-customer",
  (input: { customer_id: string; actor_id: string; actor?: ActivityActor }) => {
    softDeleteCustomerStep({ customer_id: input.customer_id })
    recordActivityStep(
      transform({ input }, ({ input }) => [
        {
          customer_id: input.customer_id,
          kind: "customer_deleted",
          message: `Customer deleted: their logins were removed, and they can be restored until ${new Date(Date.now() + RESTORE_WINDOW_MS).toISOString().slice(0, 10)}.`,
          changes: [{ field: "deleted", label: "Deleted", before: false, after: true }],
          actor: input.actor,
        },
      ])
    )
    const removed = removeLoginsStep({ customer_id: input.customer_id })
    emitEventStep({ eventName: "customer_account.deleted", data: { id: input.customer_id, actor_id: input.actor_id } })
    return new WorkflowResponse(removed)
  }
)

const restoreCustomerStep = createStep(
  "restore-customer",
  async (input: { customer_id: string }, { container }) => {
    const customers: ICustomerModuleService = container.resolve(Modules.CUSTOMER)
    const [customer] = await customers.listCustomers({ id: input.customer_id }, { withDeleted: true })
    if (!customer || !customer.deleted_at) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `No deleted customer with id ${input.customer_id}`)
    }
    // A merged customer's records belong to the customer it went into now: restoring it would bring back an empty shell.
    const merges: CustomerMergeModuleService = container.resolve(CUSTOMER_MERGE_MODULE)
    const [merge] = await merges.listCustomerMerges({ secondary_customer_id: input.customer_id }, { take: 1 })
    if (merge) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `This customer was merged into customer ${merge.primary_customer_id}, which now holds all their data, so it can't be restored`
      )
    }
    if (Date.now() - new Date(customer.deleted_at).getTime() > RESTORE_WINDOW_MS) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "This customer was deleted more than 30 days ago and can no longer be restored")
    }
    await customers.restoreCustomers([input.customer_id])
    return new StepResponse(undefined, input.customer_id)
  },
  undoWith("softDeleteCustomers")
)

/** Brings a deleted customer back with all their data; they need a new invite to log in. */
export const restoreCustomerAccountWorkflow = createWorkflow(
  "portal-restore-customer",
  (input: { customer_id: string; actor_id: string; actor?: ActivityActor }) => {
    restoreCustomerStep({ customer_id: input.customer_id })
    recordActivityStep(
      transform({ input }, ({ input }) => [
        {
          customer_id: input.customer_id,
          kind: "customer_restored",
          message: "Customer restored with all their data; they need a new invite to sign in.",
          changes: [{ field: "deleted", label: "Deleted", before: true, after: false }],
          actor: input.actor,
        },
      ])
    )
    emitEventStep({ eventName: "customer_account.restored", data: { id: input.customer_id, actor_id: input.actor_id } })
    return new WorkflowResponse({ id: input.customer_id })
  }
)
