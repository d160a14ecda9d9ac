import { storeProfileSections } from "../../../../../utils/profile-section-routes"

export const GET = storeProfileSections.dependents.retrieve
export const POST = storeProfileSections.dependents.update
export const DELETE = storeProfileSections.dependents.remove
