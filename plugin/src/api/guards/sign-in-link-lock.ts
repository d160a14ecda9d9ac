import { randomUUID } from "node:crypto"
import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { ILockingModule } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { hashSignInToken } from "../../providers/magic-link/service"

/**
 * Two clicks on one sign-in link must not both sign in: the link's token is locked (Medusa's
 * Locking module, shared through Redis when scaled out) until this request has answered.
 * False when another request holds it.
 */
export async function holdSignInLink(req: MedusaRequest, res: MedusaResponse): Promise<boolean> {
  const token = (req.body as Record<string, unknown> | undefined)?.token
  if (typeof token !== "string") return true
  const locking: ILockingModule = req.scope.resolve(Modules.LOCKING)
  const key = `sign-in-link:${hashSignInToken(token)}`
  const ownerId = randomUUID()
  try {
    await locking.acquire(key, { ownerId, expire: 30 })
  } catch {
    return false
  }
  res.once("close", () => void locking.release(key, { ownerId }).catch(() => {}))
  return true
}
