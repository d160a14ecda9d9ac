import { adminBusinessProfiles } from "../../../../utils/business-profile-routes"

export const GET = adminBusinessProfiles.list
export const POST = adminBusinessProfiles.create
