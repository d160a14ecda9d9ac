import { adminProfileSections } from "../../../../../../utils/profile-section-routes"

export const GET = adminProfileSections.dependents.photo
export const POST = adminProfileSections.dependents.setPhoto
export const DELETE = adminProfileSections.dependents.removePhoto
