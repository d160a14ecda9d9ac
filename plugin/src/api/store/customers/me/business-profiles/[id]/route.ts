import { storeBusinessProfiles } from "../../../../../utils/business-profile-routes"

export const GET = storeBusinessProfiles.retrieve
export const POST = storeBusinessProfiles.update
export const DELETE = storeBusinessProfiles.remove
