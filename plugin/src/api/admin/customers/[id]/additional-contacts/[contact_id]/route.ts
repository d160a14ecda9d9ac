import { adminProfileSections } from "../../../../../utils/profile-section-routes"

export const POST = adminProfileSections.additionalContacts.update
export const DELETE = adminProfileSections.additionalContacts.remove
