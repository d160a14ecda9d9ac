import { adminBusinessProfiles } from "../../../../../utils/business-profile-routes"

export const GET = adminBusinessProfiles.retrieve
export const POST = adminBusinessProfiles.update
export const DELETE = adminBusinessProfiles.remove
