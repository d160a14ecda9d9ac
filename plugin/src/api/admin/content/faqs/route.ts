import { createContent, listContent } from "../../../utils/content-routes"

export const GET = listContent("faqs")
export const POST = createContent("faqs", "faq")
