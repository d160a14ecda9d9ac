import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminBillPayersResponse } from "@fieldservice/contract"
import { Modules } from "@medusajs/framework/utils"
import { loadBillPayers } from "../../../../../queries/bill-payers"
import { sendPortalInviteWorkflow } from "../../../../../workflows/accounts/invite"
import { setBillPayerWorkflow } from "../../../../../workflows/bill-payers/set-bill-payer"
import { requestActor } from "../../../../utils/activity-actor"
import type { AdminSetBillPayerType } from "../../validators"

/** The "Bill payer" card: who pays the customer's (and each business profile's) invoices, and whom the customer pays for. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminBillPayersResponse>) {
  res.json(await loadBillPayers(req.scope, req.params.id))
}

/**
 * Sets who pays from now on: invoices made after this go to the payer (made out to them, emailed
 * to them, in their portal); invoices made before stay with whoever they were made out to. A new
 * billing contact is made a customer and invited to the portal (when the portal is open).
 */
export async function POST(req: AuthenticatedMedusaRequest<AdminSetBillPayerType>, res: MedusaResponse<AdminBillPayersResponse>) {
  await req.scope.resolve(Modules.CUSTOMER).retrieveCustomer(req.params.id, { select: ["id"] })
  const actor = await requestActor(req)
  const body = req.validatedBody
  const contact = body.pays === "billing_contact" ? body.contact : null
  const [first_name, ...rest] = contact ? contact.name.split(/\s+/) : [""]
  const { result } = await setBillPayerWorkflow(req.scope).run({
    input: {
      customer_id: req.params.id,
      business_profile_id: body.business_profile_id,
      payer_id: body.pays === "other_customer" ? body.payer_id : null,
      new_contact: contact
        ? { first_name, last_name: rest.join(" ") || null, email: contact.email, company: contact.company ?? null, address: contact.address ?? null }
        : null,
      actor,
    },
  })
  if (result.created_contact_id && contact) {
    await sendPortalInviteWorkflow(req.scope)
      .run({
        input: { customer_id: result.created_contact_id, email: contact.email, first_name, has_login: false, staff_user_id: req.auth_context.actor_id, actor },
      })
      // The portal switched off: the contact still gets invoices by email; staff can invite them later.
      .catch((error: Error) => req.scope.resolve("logger").warn(`Bill payer invite not sent: ${error.message}`))
  }
  res.json(await loadBillPayers(req.scope, req.params.id))
}
