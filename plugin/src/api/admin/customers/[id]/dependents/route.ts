import { adminProfileSections } from "../../../../utils/profile-section-routes"

export const GET = adminProfileSections.dependents.list
export const POST = adminProfileSections.dependents.create
