import { storeProfileSections } from "../../../../../utils/profile-section-routes"

export const POST = storeProfileSections.additionalContacts.update
export const DELETE = storeProfileSections.additionalContacts.remove
