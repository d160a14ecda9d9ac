import type { MedusaContainer } from "@medusajs/framework/types"
import { CONTENT_MODULE, type ContentModuleService } from "../modules/content"

/**
 * Runs with `medusa db:migrate`: boots the CMS once so its own migrations are applied
 * together with core and plugin migrations. Later CMS migrations also apply on boot.
 */
export default async function migrateCms({ container }: { container: MedusaContainer }) {
  const content: ContentModuleService = container.resolve(CONTENT_MODULE)
  await content.ready()
}
