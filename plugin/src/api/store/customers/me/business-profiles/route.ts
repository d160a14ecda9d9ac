import { storeBusinessProfiles } from "../../../../utils/business-profile-routes"

export const GET = storeBusinessProfiles.list
export const POST = storeBusinessProfiles.create
