import { adminProfileSections } from "../../../../../utils/profile-section-routes"

export const GET = adminProfileSections.dependents.retrieve
export const POST = adminProfileSections.dependents.update
export const DELETE = adminProfileSections.dependents.remove
