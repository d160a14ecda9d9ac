import { deleteContent, retrieveContent, updateContent } from "../../../../utils/content-routes"

export const GET = retrieveContent("faqs", "faq")
export const POST = updateContent("faqs", "faq")
export const DELETE = deleteContent("faqs")
