import { storeProfileSections } from "../../../../../../utils/profile-section-routes"

export const POST = storeProfileSections.dependents.setPhoto
export const DELETE = storeProfileSections.dependents.removePhoto
