import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { BusinessProfileDeleteResponse, StoreBusinessProfileListResponse, StoreBusinessProfileResponse } from "@fieldservice/contract"
import { BUSINESS_PROFILE_MODULE, type BusinessProfileModuleService } from "../../modules/business-profile"
import { createBusinessProfileWorkflow, deleteBusinessProfileWorkflow, updateBusinessProfileWorkflow } from "../../workflows/business-profile/business-profile"
import { requestActor } from "./activity-actor"
import { withIsoStamps } from "../../utils/json-dates"
import type { BusinessProfileCreateType, BusinessProfileUpdateType } from "./common-validators/business-profile"

type Req<Body = unknown> = AuthenticatedMedusaRequest<Body>
// The admin's business-profile answers are the same types as the portal's.
type ListRes = MedusaResponse<StoreBusinessProfileListResponse>
type OneRes = MedusaResponse<StoreBusinessProfileResponse>

/**
 * The same business-profile handlers serve the portal (the customer is the signed-in one)
 * and the admin (the customer in the URL); `ids` says where each comes from.
 */
export function businessProfileRoutes(ids: { customer: (req: Req) => string; profile: (req: Req) => string }) {
  return {
    async list(req: Req, res: ListRes) {
      const service: BusinessProfileModuleService = req.scope.resolve(BUSINESS_PROFILE_MODULE)
      const profiles = await service.listBusinessProfiles({ customer_id: ids.customer(req) }, { order: { created_at: "ASC" } })
      res.json({ business_profiles: profiles.map(withIsoStamps) })
    },
    async create(req: Req<BusinessProfileCreateType>, res: OneRes) {
      const { result } = await createBusinessProfileWorkflow(req.scope).run({
        input: { customer_id: ids.customer(req), data: req.validatedBody, actor: await requestActor(req) },
      })
      res.status(201).json({ business_profile: withIsoStamps(result) })
    },
    async retrieve(req: Req, res: OneRes) {
      const service: BusinessProfileModuleService = req.scope.resolve(BUSINESS_PROFILE_MODULE)
      res.json({ business_profile: withIsoStamps(await service.retrieveOwnedBusinessProfile(ids.customer(req), ids.profile(req))) })
    },
    async update(req: Req<BusinessProfileUpdateType>, res: OneRes) {
      const { result } = await updateBusinessProfileWorkflow(req.scope).run({
        input: { customer_id: ids.customer(req), id: ids.profile(req), data: req.validatedBody, actor: await requestActor(req) },
      })
      res.json({ business_profile: withIsoStamps(result) })
    },
    async remove(req: Req, res: MedusaResponse<BusinessProfileDeleteResponse>) {
      await deleteBusinessProfileWorkflow(req.scope).run({
        input: { customer_id: ids.customer(req), id: ids.profile(req), actor: await requestActor(req) },
      })
      res.json({ id: ids.profile(req), object: "business_profile", deleted: true })
    },
  }
}

/** The portal: always the signed-in customer's own profiles. */
export const storeBusinessProfiles = businessProfileRoutes({
  customer: (req) => req.auth_context.actor_id,
  profile: (req) => req.params.id,
})

/** The admin: the customer whose page staff are on. */
export const adminBusinessProfiles = businessProfileRoutes({
  customer: (req) => req.params.id,
  profile: (req) => req.params.business_profile_id,
})
