import { storeProfileSections } from "../../../../utils/profile-section-routes"

export const POST = storeProfileSections.billingAddress.set
