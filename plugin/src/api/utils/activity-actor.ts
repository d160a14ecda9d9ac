import type { AuthenticatedMedusaRequest, MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { asValue } from "@medusajs/framework/awilix"
import { Modules } from "@medusajs/framework/utils"
import {
  ACTIVITY_REQUEST_CONTEXT,
  ADDRESS_LABELS,
  type ActivityActor,
  type ActivityRequestContext,
  type AddressState,
  CORE_CUSTOMER_LABELS,
  type CoreCustomerState,
  personName,
  pickFields,
} from "../../workflows/customer-profile/activity"

/** Who is making this request, for the activity history: the staff member (name and email), the customer, or the system. */
export async function requestActor(req: MedusaRequest): Promise<ActivityActor> {
  const auth = (req as AuthenticatedMedusaRequest).auth_context
  if (auth?.actor_type === "user" && auth.actor_id) {
    const [user] = await req.scope.resolve(Modules.USER).listUsers({ id: auth.actor_id }, { take: 1, select: ["id", "email", "first_name", "last_name"] })
    return { type: "staff", id: auth.actor_id, name: personName(user) || user?.email || null, email: user?.email ?? null }
  }
  if (auth?.actor_type === "customer") return { type: "customer", id: auth.actor_id || null }
  return { type: "system" }
}

type ContextOptions = {
  /** The customer the request changes, whose record (and addresses) are read before the change. */
  customer?: (req: AuthenticatedMedusaRequest) => string | undefined
  addresses?: boolean
  /** A visitor becoming a customer (sign-up): the new customer made the change. */
  self?: boolean
}

/**
 * A middleware for Medusa's own customer routes: it notes who is asking and how the customer
 * looked before, where the core workflow hooks (workflows/hooks/customer-activity.ts) find it.
 */
export function activityContext(options: ContextOptions = {}) {
  return async (req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) => {
    try {
      const context: ActivityRequestContext = {
        actor: options.self ? { type: "customer" } : await requestActor(req),
        customers: {},
        addresses: {},
      }
      const customerId = options.customer?.(req as AuthenticatedMedusaRequest)
      if (customerId) {
        const [customer] = await req.scope
          .resolve(Modules.CUSTOMER)
          .listCustomers({ id: customerId }, { take: 1, relations: options.addresses ? ["addresses"] : [] })
        if (customer) {
          const record = customer as unknown as Record<string, unknown>
          context.customers[customer.id] = { id: customer.id, ...pickFields(record, CORE_CUSTOMER_LABELS) } as CoreCustomerState
          for (const address of customer.addresses ?? []) {
            context.addresses[address.id] = {
              id: address.id,
              customer_id: customer.id,
              ...pickFields(address as unknown as Record<string, unknown>, ADDRESS_LABELS),
            } as AddressState
          }
        }
      }
      req.scope.register(ACTIVITY_REQUEST_CONTEXT, asValue(context))
      next()
    } catch (error) {
      next(error)
    }
  }
}
