import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { DATA_REQUESTS_MODULE, type DataRequestsModuleService } from "../modules/data-requests"
import { deleteFilesNow } from "../workflows/data-requests/erase-customer"

/**
 * Data exports are deleted when their link expires (a week), exports whose server stopped are
 * marked failed, and files an erasure could not delete at the time are deleted now.
 */
export async function dataRequestsUpkeep(container: MedusaContainer) {
  const requests: DataRequestsModuleService = container.resolve(DATA_REQUESTS_MODULE)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const expired = await requests.expireExports()
  const pending = await deleteFilesNow(container, expired)
  const erasures = await requests.listDataErasures({ pending_file_keys: { $ne: null } } as never, { take: 100 })
  let retried = 0
  for (const erasure of erasures) {
    const keys = (erasure.pending_file_keys as string[] | null) ?? []
    const left = await deleteFilesNow(container, keys)
    retried += keys.length - left.length
    await requests.setPendingFiles(erasure.id, left)
  }
  if (expired.length || retried) {
    logger.info(`Data requests: ${expired.length - pending.length} expired exports deleted, ${retried} files of erased customers deleted`)
  }
}

export default dataRequestsUpkeep

export const config = {
  name: "data-requests-upkeep",
  schedule: "17 * * * *",
}
