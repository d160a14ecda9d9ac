import { listContentForPortal } from "../../../utils/content-routes"

export const GET = listContentForPortal("terms")
