import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { GIFT_VOUCHERS_MODULE, type GiftVouchersModuleService } from "../modules/gift-vouchers"
import { deliverGiftVoucher } from "../utils/gift-voucher-emails"
import { withJobLock } from "../utils/job-lock"
import { businessToday } from "../workflows/quotes/quote-content"

const PER_RUN = 500

/**
 * Emails the vouchers whose delivery day has come (the business's calendar), each once: the
 * voucher is marked delivered before its email goes, and a failed email unmarks it for the next
 * run. `now` pins the clock (tests). One run at a time, across servers.
 */
export async function deliverDueGiftVouchers(container: MedusaContainer, now = new Date()): Promise<{ sent: string[]; failed: number }> {
  return withJobLock(container, "gift-voucher-delivery", async () => {
    const vouchers: GiftVouchersModuleService = container.resolve(GIFT_VOUCHERS_MODULE)
    const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
    const result = { sent: [] as string[], failed: 0 }
    for (const id of await vouchers.listDue(businessToday(container, now), PER_RUN)) {
      try {
        if ((await deliverGiftVoucher(container, id, now)) === "sent") result.sent.push(id)
      } catch (error) {
        result.failed++
        logger.error(`Gift vouchers: delivering ${id} failed: ${(error as Error).message}`)
      }
    }
    if (result.sent.length) logger.info(`Gift vouchers: ${result.sent.length} delivered`)
    return result
  })
}

export default async function giftVoucherDeliveryJob(container: MedusaContainer) {
  await deliverDueGiftVouchers(container)
}

export const config = { name: "gift-voucher-delivery", schedule: "* * * * *" }
