// Additional contacts: /store/customers/me/additional-contacts[/:id] and
// /admin/customers/:id/additional-contacts[/:contact_id] (one set of handlers serves both).

/** Someone else to contact about this customer's visits, e.g. a tenant or a site manager. */
export type AdditionalContact = {
  id: string
  name: string
  role: string | null
  emails: string[]
  /** Normalised, e.g. "+447700900123". */
  phones: string[]
}
export type StoreAdditionalContact = AdditionalContact
export type AdminAdditionalContact = AdditionalContact

/** Body of a create; an update takes any subset. The lists are sent whole. */
export type CreateAdditionalContact = { name: string; role: string | null; emails: string[]; phones: string[] }
export type StoreCreateAdditionalContact = CreateAdditionalContact
export type AdminCreateAdditionalContact = CreateAdditionalContact

export type AdditionalContactListResponse = { additional_contacts: AdditionalContact[] }
/** Create (201) and update. */
export type AdditionalContactResponse = { additional_contact: AdditionalContact }
export type AdditionalContactDeleteResponse = { id: string; object: "additional_contact"; deleted: true }
