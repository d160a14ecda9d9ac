import { storeProfileSections } from "../../../../../../utils/profile-section-routes"

export const GET = storeProfileSections.dependents.photo
export const POST = storeProfileSections.dependents.setPhoto
export const DELETE = storeProfileSections.dependents.removePhoto
