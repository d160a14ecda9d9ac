import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { createProductsWorkflow, linkProductsToSalesChannelWorkflow } from "@medusajs/medusa/core-flows"

export const VOUCHER_PRODUCT_HANDLE = "gift-voucher"
const OPTION = { title: "Voucher", value: "Gift voucher" }
const NO_TAX_CODE = "GIFT-VOUCHER"

type ProductRow = { id: string; variants: { id: string }[]; sales_channels?: ({ id: string } | null)[] | null }

/**
 * The gift-card product vouchers are sold as (Medusa's `is_giftcard`, so the loyalty plugin makes
 * a gift card of each one when the order is placed), made on first sale with the variant every
 * voucher's line points at (its price is the line's own). A voucher is money to spend later, so its
 * sale carries no tax (a 0% product rate in each tax region); the visits it pays for are taxed.
 * Callers hold the "gift-voucher-product" lock, so two first sales make one product.
 */
export const ensureVoucherProductStep = createStep(
  "ensure-gift-voucher-product",
  async (input: { sales_channel_id: string | null; currency_code: string }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const find = async () => {
      const { data } = await query.graph({
        entity: "product",
        fields: ["id", "variants.id", "sales_channels.id"],
        filters: { handle: VOUCHER_PRODUCT_HANDLE },
      })
      return data[0] as unknown as ProductRow | undefined
    }
    let product = await find()
    if (!product) {
      await createProductsWorkflow(container).run({
        input: {
          products: [
            {
              title: "Gift voucher",
              handle: VOUCHER_PRODUCT_HANDLE,
              description: "A gift voucher for our services, emailed to the person it is for on the day you choose.",
              is_giftcard: true,
              discountable: false,
              status: "published",
              options: [{ title: OPTION.title, values: [OPTION.value] }],
              variants: [
                {
                  title: OPTION.value,
                  options: { [OPTION.title]: OPTION.value },
                  manage_inventory: false,
                  prices: [{ currency_code: input.currency_code, amount: 1 }],
                },
              ],
              sales_channels: input.sales_channel_id ? [{ id: input.sales_channel_id }] : [],
            },
          ],
        },
      })
      product = (await find())!
    } else if (input.sales_channel_id && !(product.sales_channels ?? []).some((channel) => channel?.id === input.sales_channel_id)) {
      await linkProductsToSalesChannelWorkflow(container).run({ input: { id: input.sales_channel_id, add: [product.id] } })
    }

    const tax = container.resolve(Modules.TAX)
    const regions = await (await tax.listTaxRegions({}, { select: ["id", "parent_id"] })).filter((region) => !region.parent_id)
    const rates = await tax.listTaxRates({ code: NO_TAX_CODE }, { select: ["id", "tax_region_id"] })
    const missing = regions.filter((region) => !rates.some((rate) => rate.tax_region_id === region.id))
    if (missing.length) {
      await tax.createTaxRates(
        missing.map((region) => ({
          tax_region_id: region.id,
          name: "Gift voucher (no tax when sold)",
          code: NO_TAX_CODE,
          rate: 0,
          is_combinable: false,
          rules: [{ reference: "product", reference_id: product!.id }],
        }))
      )
    }
    return new StepResponse({ product_id: product.id, variant_id: product.variants[0].id })
  }
)
