import type { MedusaResponse, MedusaStoreRequest } from "@medusajs/framework/http"
import type { StoreGiftVoucherOptionsResponse } from "@fieldservice/contract"
import { giftVoucherOptions } from "../../../../../queries/gift-voucher-options"

/** What the buy page offers (amounts, services, validity, terms): open to visitors, as prices are. */
export async function GET(req: MedusaStoreRequest, res: MedusaResponse<StoreGiftVoucherOptionsResponse>) {
  res.json({ options: await giftVoucherOptions(req.scope, req.publishable_key_context?.sales_channel_ids ?? []) })
}
