import { adminProfileSections } from "../../../../../../utils/profile-section-routes"

export const POST = adminProfileSections.dependents.setPhoto
export const DELETE = adminProfileSections.dependents.removePhoto
