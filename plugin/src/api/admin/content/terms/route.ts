import { createContent, listContent } from "../../../utils/content-routes"

export const GET = listContent("terms")
export const POST = createContent("terms", "term")
