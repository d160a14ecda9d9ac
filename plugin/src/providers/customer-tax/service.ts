import type {
  ItemTaxCalculationLine,
  ItemTaxLineDTO,
  ITaxProvider,
  ShippingTaxCalculationLine,
  ShippingTaxLineDTO,
  TaxCalculationContext,
} from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { PROFILE_LINK_TABLE } from "../../db/tables"
import type { KnexLike } from "../../utils/sql-manager"
import { type CustomerTaxSetting, customerTaxLines } from "./rates"

/** The id Medusa gives this provider when medusa-config.ts registers it with `id: "customer"`. */
export const CUSTOMER_TAX_PROVIDER_ID = "tp_fieldservice_customer"

type InjectedDependencies = { [ContainerRegistrationKeys.PG_CONNECTION]: KnexLike }

/**
 * Medusa's system tax provider plus the customer's own tax: the region's rates, except for a
 * customer staff marked tax-exempt (0%) or gave a special rate (that rate). Carts, the booking
 * price preview and orders all get their tax lines from here, so they agree.
 *
 * The profile is read with the PG connection Medusa gives every module's container: the Tax
 * Module's container holds only the tax module, so neither the customer-profile module nor Query
 * can be resolved here without the business adding module dependencies to its config. One indexed
 * lookup per calculation (the link's customer_id), none for a guest.
 */
export class CustomerTaxProviderService implements ITaxProvider {
  static identifier = "fieldservice"
  protected readonly db: KnexLike

  constructor(dependencies: InjectedDependencies) {
    this.db = dependencies[ContainerRegistrationKeys.PG_CONNECTION]
  }

  getIdentifier(): string {
    return CustomerTaxProviderService.identifier
  }

  async getTaxLines(
    itemLines: ItemTaxCalculationLine[],
    shippingLines: ShippingTaxCalculationLine[],
    context: TaxCalculationContext
  ): Promise<(ItemTaxLineDTO | ShippingTaxLineDTO)[]> {
    const setting = context.customer?.id ? await this.settingOf(context.customer.id) : null
    // Medusa stores tax lines with the provider's id, as the system provider's lines carry "system".
    return customerTaxLines(itemLines, shippingLines, setting, this.getIdentifier())
  }

  /** The customer's exemption and special rate; null for a customer with no profile. */
  protected async settingOf(customerId: string): Promise<CustomerTaxSetting | null> {
    const { rows } = await this.db.raw(
      `SELECT p.tax_exempt, p.tax_rate_override
         FROM ${PROFILE_LINK_TABLE} l JOIN customer_profile p ON p.id = l.customer_profile_id AND p.deleted_at IS NULL
        WHERE l.customer_id = ? AND l.deleted_at IS NULL
        LIMIT 1`,
      [customerId]
    )
    const row = rows[0] as { tax_exempt: boolean; tax_rate_override: number | null } | undefined
    if (!row) return null
    // The column is a `real`: 7.3 comes back as 7.300000190734863, so round to what staff typed.
    const override = row.tax_rate_override === null ? null : Math.round(Number(row.tax_rate_override) * 10_000) / 10_000
    return { tax_exempt: row.tax_exempt, tax_rate_override: override }
  }
}
