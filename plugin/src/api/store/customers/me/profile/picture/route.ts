import { storeProfileSections } from "../../../../../utils/profile-section-routes"

/** My account → profile picture: upload or replace (multipart "file"), remove. */
export const POST = storeProfileSections.picture.set
export const DELETE = storeProfileSections.picture.remove
