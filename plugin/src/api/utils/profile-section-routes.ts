import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { MedusaContainer } from "@medusajs/framework/types"
import type {
  AdditionalContact,
  AdditionalContactDeleteResponse,
  AdditionalContactListResponse,
  AdditionalContactResponse,
  BillingAddressResponse,
  DependentDeleteResponse,
  DependentListResponse,
  DependentResponse,
  PictureResponse,
} from "@fieldservice/contract"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { DEPENDENTS_MODULE, type DependentsModuleService } from "../../modules/dependents"
import type { Audience } from "../../modules/custom-fields"
import {
  createAdditionalContactWorkflow,
  deleteAdditionalContactWorkflow,
  updateAdditionalContactWorkflow,
} from "../../workflows/customer-profile/additional-contacts"
import { setBillingAddressWorkflow } from "../../workflows/customer-profile/billing-address"
import { removeProfilePictureWorkflow, setProfilePictureWorkflow } from "../../workflows/customer-profile/profile-picture"
import {
  createDependentWorkflow,
  deleteDependentWorkflow,
  removeDependentPhotoWorkflow,
  setDependentPhotoWorkflow,
  updateDependentWorkflow,
} from "../../workflows/dependents/dependents"
import type { AdditionalContactCreateType, AdditionalContactUpdateType } from "./common-validators/additional-contact"
import { assertDependentsOffered, loadDependent, loadDependents } from "../../queries/dependents"
import type { ImageUploadRequest } from "./image-upload"
import { requestActor } from "./activity-actor"
import { privateFileUrl } from "../../utils/private-file-urls"
import { PRIVATE_CACHE, sendStoredFile } from "./private-files"
import { loadProfile } from "../../queries/profile"
import { storedFileType } from "../../utils/stored-file-type"
import type { BillingAddressUpdateType, DependentCreateType, DependentUpdateType } from "./common-validators/profile-sections"

type Req<Body = unknown> = AuthenticatedMedusaRequest<Body>

async function pictureFileId(container: MedusaContainer, customerId: string): Promise<string | null> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "customer", fields: ["id", "customer_profile.picture_file_id"], filters: { id: customerId } })
  return (data[0]?.customer_profile as { picture_file_id?: string | null } | undefined)?.picture_file_id ?? null
}

/**
 * Where the customer and the item come from: the signed-in customer and `:id` in the portal,
 * the customer in the URL and a named parameter in the admin. Every handler reads the item
 * through its customer, so another customer's id is "not found".
 */
type Scope = { customer: (req: Req) => string; item: (req: Req, kind: "contact" | "dependent") => string; audience: Audience }

const image = (req: Req) => (req as unknown as ImageUploadRequest).uploadedImage

export function profileSectionRoutes(scope: Scope) {
  const customerId = scope.customer
  const audience = scope.audience === "staff" ? "staff" : "customer"
  const contactId = (req: Req) => scope.item(req, "contact")
  const dependentId = (req: Req) => scope.item(req, "dependent")
  const dependentsOffered = async (req: Req) => {
    // Staff always see dependents; customers only while the business offers them.
    if (scope.audience === "customer") await assertDependentsOffered(req.scope)
  }

  return {
    picture: {
      async get(req: Req, res: MedusaResponse) {
        const fileId = await pictureFileId(req.scope, customerId(req))
        if (!fileId) throw new MedusaError(MedusaError.Types.NOT_FOUND, "There is no profile picture.")
        await sendStoredFile(req.scope, res, {
          key: fileId,
          contentType: storedFileType(fileId),
          disposition: "inline",
          filename: `picture.${fileId.split(".").pop()}`,
          cache: PRIVATE_CACHE,
        })
      },
      async set(req: Req, res: MedusaResponse<PictureResponse>) {
        const { result } = await setProfilePictureWorkflow(req.scope).run({
          input: { customer_id: customerId(req), image: image(req), actor: await requestActor(req) },
        })
        res.json({ picture_url: privateFileUrl.picture(audience, customerId(req), result.picture_file_id) })
      },
      async remove(req: Req, res: MedusaResponse<PictureResponse>) {
        await removeProfilePictureWorkflow(req.scope).run({ input: { customer_id: customerId(req), actor: await requestActor(req) } })
        res.json({ picture_url: null })
      },
    },

    additionalContacts: {
      async list(req: Req, res: MedusaResponse<AdditionalContactListResponse>) {
        const profile = await loadProfile(req.scope, customerId(req), audience)
        res.json({ additional_contacts: profile.additional_contacts })
      },
      async create(req: Req<AdditionalContactCreateType>, res: MedusaResponse<AdditionalContactResponse>) {
        const { result } = await createAdditionalContactWorkflow(req.scope).run({
          input: { customer_id: customerId(req), data: req.validatedBody, actor: await requestActor(req) },
        })
        res.status(201).json({ additional_contact: presentContact(result) })
      },
      async update(req: Req<AdditionalContactUpdateType>, res: MedusaResponse<AdditionalContactResponse>) {
        const { result } = await updateAdditionalContactWorkflow(req.scope).run({
          input: { customer_id: customerId(req), id: contactId(req), data: req.validatedBody, actor: await requestActor(req) },
        })
        res.json({ additional_contact: presentContact(result) })
      },
      async remove(req: Req, res: MedusaResponse<AdditionalContactDeleteResponse>) {
        await deleteAdditionalContactWorkflow(req.scope).run({ input: { customer_id: customerId(req), id: contactId(req), actor: await requestActor(req) } })
        res.json({ id: contactId(req), object: "additional_contact", deleted: true })
      },
    },

    billingAddress: {
      async set(req: Req<BillingAddressUpdateType>, res: MedusaResponse<BillingAddressResponse>) {
        await setBillingAddressWorkflow(req.scope).run({ input: { customer_id: customerId(req), ...req.validatedBody, actor: await requestActor(req) } })
        const profile = await loadProfile(req.scope, customerId(req), audience)
        res.json({ billing_same_as_booking: profile.billing_same_as_booking, billing_address: profile.billing_address })
      },
    },

    dependents: {
      async list(req: Req, res: MedusaResponse<DependentListResponse>) {
        await dependentsOffered(req)
        res.json(await loadDependents(req.scope, customerId(req), audience))
      },
      async create(req: Req<DependentCreateType>, res: MedusaResponse<DependentResponse>) {
        await dependentsOffered(req)
        const { custom_fields, ...data } = req.validatedBody
        const { result } = await createDependentWorkflow(req.scope).run({
          input: { customer_id: customerId(req), audience, data, custom_fields, actor: await requestActor(req) },
        })
        res.status(201).json({ dependent: await loadDependent(req.scope, customerId(req), result.id, audience) })
      },
      async retrieve(req: Req, res: MedusaResponse<DependentResponse>) {
        await dependentsOffered(req)
        res.json({ dependent: await loadDependent(req.scope, customerId(req), dependentId(req), audience) })
      },
      async update(req: Req<DependentUpdateType>, res: MedusaResponse<DependentResponse>) {
        await dependentsOffered(req)
        const { custom_fields, ...data } = req.validatedBody
        await updateDependentWorkflow(req.scope).run({
          input: { customer_id: customerId(req), id: dependentId(req), audience, data, custom_fields, actor: await requestActor(req) },
        })
        res.json({ dependent: await loadDependent(req.scope, customerId(req), dependentId(req), audience) })
      },
      async remove(req: Req, res: MedusaResponse<DependentDeleteResponse>) {
        await dependentsOffered(req)
        await deleteDependentWorkflow(req.scope).run({ input: { customer_id: customerId(req), id: dependentId(req), actor: await requestActor(req) } })
        res.json({ id: dependentId(req), object: "dependent", deleted: true })
      },
      async photo(req: Req, res: MedusaResponse) {
        await dependentsOffered(req)
        const dependents: DependentsModuleService = req.scope.resolve(DEPENDENTS_MODULE)
        const row = await dependents.retrieveOwnedDependent(customerId(req), dependentId(req))
        const fileId = row.photo_file_id
        if (!fileId) throw new MedusaError(MedusaError.Types.NOT_FOUND, "This has no photo.")
        await sendStoredFile(req.scope, res, {
          key: fileId,
          contentType: storedFileType(fileId),
          disposition: "inline",
          filename: `photo.${fileId.split(".").pop()}`,
          cache: PRIVATE_CACHE,
        })
      },
      async setPhoto(req: Req, res: MedusaResponse<DependentResponse>) {
        await dependentsOffered(req)
        await setDependentPhotoWorkflow(req.scope).run({
          input: { customer_id: customerId(req), id: dependentId(req), image: image(req), actor: await requestActor(req) },
        })
        res.json({ dependent: await loadDependent(req.scope, customerId(req), dependentId(req), audience) })
      },
      async removePhoto(req: Req, res: MedusaResponse<DependentResponse>) {
        await dependentsOffered(req)
        await removeDependentPhotoWorkflow(req.scope).run({ input: { customer_id: customerId(req), id: dependentId(req), actor: await requestActor(req) } })
        res.json({ dependent: await loadDependent(req.scope, customerId(req), dependentId(req), audience) })
      },
    },
  }
}

function presentContact(contact: { id: string; name: string; role?: string | null; emails?: unknown; phones?: unknown }): AdditionalContact {
  return {
    id: contact.id,
    name: contact.name,
    role: contact.role ?? null,
    emails: (contact.emails as string[] | null) ?? [],
    phones: (contact.phones as string[] | null) ?? [],
  }
}

/** The portal: always the signed-in customer's own records. */
export const storeProfileSections = profileSectionRoutes({
  customer: (req) => req.auth_context.actor_id,
  item: (req) => req.params.id,
  audience: "customer",
})

/** The admin: the customer whose page staff are on; items are `:contact_id`, `:dependent_id`. */
export const adminProfileSections = profileSectionRoutes({
  customer: (req) => req.params.id,
  item: (req, kind) => req.params[`${kind}_id`],
  audience: "staff",
})
