import { storeProfileSections } from "../../../../utils/profile-section-routes"

/** The customer's dependents/assets (pets, vehicles…) and the types the business offers. */
export const GET = storeProfileSections.dependents.list
export const POST = storeProfileSections.dependents.create
