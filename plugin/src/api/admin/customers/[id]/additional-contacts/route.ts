import { adminProfileSections } from "../../../../utils/profile-section-routes"

export const GET = adminProfileSections.additionalContacts.list
export const POST = adminProfileSections.additionalContacts.create
