import { adminProfileSections } from "../../../../utils/profile-section-routes"

export const POST = adminProfileSections.billingAddress.set
