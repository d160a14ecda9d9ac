import { deleteContent, retrieveContent, updateContent } from "../../../../utils/content-routes"

export const GET = retrieveContent("terms", "term")
export const POST = updateContent("terms", "term")
export const DELETE = deleteContent("terms")
