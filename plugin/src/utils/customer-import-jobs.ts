import type { IFileModuleService, MedusaContainer } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { CUSTOMER_IMPORT_MODULE, type CustomerImportModuleService } from "../modules/customer-import"

/** Imports whose server stopped mid-way are marked as stopped, and their uploaded files removed. */
export async function sweepInterruptedImports(container: MedusaContainer) {
  const imports: CustomerImportModuleService = container.resolve(CUSTOMER_IMPORT_MODULE)
  const keys = await imports.failInterruptedImports()
  if (keys.length) {
    const files: IFileModuleService = container.resolve(Modules.FILE)
    await files.deleteFiles(keys).catch(() => undefined)
  }
}

/** Says who is importing what, when an import is already running (one at a time keeps the server responsive). */
export async function runningImportConflict(container: MedusaContainer): Promise<MedusaError | null> {
  await sweepInterruptedImports(container)
  const imports: CustomerImportModuleService = container.resolve(CUSTOMER_IMPORT_MODULE)
  const [running] = await imports.listCustomerImports({ status: "processing" }, { take: 1, order: { created_at: "DESC" } })
  if (!running) return null
  return new MedusaError(
    MedusaError.Types.CONFLICT,
    `Another import (${running.filename}, started by ${running.actor ?? "a staff member"}) is still running. Wait for it to finish, then start this one.`,
    "import_running"
  )
}
