import { storeProfileSections } from "../../../../utils/profile-section-routes"

export const GET = storeProfileSections.additionalContacts.list
export const POST = storeProfileSections.additionalContacts.create
