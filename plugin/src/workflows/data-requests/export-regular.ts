import type { MedusaContainer } from "@medusajs/framework/types"
import { BOOKING_SERIES_MODULE, type BookingSeriesModuleService } from "../../modules/booking-series"
import { loadAutomaticPayment } from "../../queries/automatic-payments"
import { loadBillPayers } from "../../queries/bill-payers"
import { listCustomerSeries } from "../../queries/booking-series"

/**
 * "regular-visits-and-billing.json" of the data export: the repeat visits as the portal shows
 * them, the automatic-payment agreement (who agreed, when, to which card) with its latest tries,
 * and who pays the customer's invoices. Whom they pay for is named, as their own page shows it.
 */
export async function collectRegularVisitsAndBilling(container: MedusaContainer, customerId: string) {
  const seriesModule: BookingSeriesModuleService = container.resolve(BOOKING_SERIES_MODULE)
  const [series, rows, automatic, payers] = await Promise.all([
    listCustomerSeries(container, customerId),
    seriesModule.listBookingSeries({ customer_id: customerId }, { select: ["id", "contact", "instructions"] }),
    loadAutomaticPayment(container, customerId, 50).catch(() => null),
    loadBillPayers(container, customerId),
  ])
  return {
    repeat_visits: series.map(({ next_visits, ...rest }) => {
      const row = rows.find((candidate) => candidate.id === rest.id)
      return {
        ...rest,
        contact: row?.contact ?? null,
        instructions: row?.instructions ?? null,
        next_visits: next_visits.map(({ booking_number, starts_at, status }) => ({ booking_number, starts_at, status })),
      }
    }),
    automatic_payment: automatic
      ? { ...automatic.automatic_payment, attempts: automatic.attempts }
      : { note: "The automatic-payment agreement could not be read (card payments unavailable)." },
    invoices_paid_by: payers.payer?.name ?? "you",
    business_profiles_paid_by: payers.business_profiles.map((profile) => ({ business_profile: profile.name, paid_by: profile.payer?.name ?? "you" })),
    you_pay_invoices_for: payers.pays_for.map((row) => ({ name: row.name, business_profile: row.business_profile_name })),
  }
}
