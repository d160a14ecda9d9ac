import { adminProfileSections } from "../../../../utils/profile-section-routes"

export const GET = adminProfileSections.picture.get
export const POST = adminProfileSections.picture.set
export const DELETE = adminProfileSections.picture.remove
