import { listContent } from "../../../utils/content-routes"

export const GET = listContent("faqs")
