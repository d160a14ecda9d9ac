import { storeProfileSections } from "../../../../../utils/profile-section-routes"

/** My account → profile picture: see it (streamed from private storage), upload or replace (multipart "file"), remove. */
export const GET = storeProfileSections.picture.get
export const POST = storeProfileSections.picture.set
export const DELETE = storeProfileSections.picture.remove
