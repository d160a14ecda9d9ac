import type { IAuthModuleService } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BOOKING_MODULE, type BookingModuleService, generateBookingNumber } from "../../../modules/booking"
import { BOOKING_TABLE, type NewBooking } from "../../../modules/booking/bulk-tables"
import { insertBookingNumberLogins } from "../../../providers/booking-number/bulk-logins"
import { insertNew, newEntityId } from "../../../utils/bulk-insert"
import type { CreateBookingInput } from "../../booking/create-booking"
import { type KnexLike, knexSqlManager } from "../../../utils/sql-manager"
import { copyVisitOrders } from "./copy-visit-orders"
import { copyVisitPayments } from "./copy-visit-payments"

type KnexTransactions = { transaction: <T>(work: (trx: KnexLike) => Promise<T>) => Promise<T> }

/**
 * What one visit of a group costs, copied from the order of a visit of the same group placed
 * through place-booking (cart → prices → the customer's tax → payment → order): the same
 * variant, region, sales channel and tax setting price and tax the same.
 */
export type SeriesVisitTemplate = {
  /** The group's first order, which the others copy row by row. */
  order_id: string
}

/** A visit to write: its booking row as place-booking writes it (the window already held). */
export type SeriesVisitRow = Omit<CreateBookingInput, "booking_number" | "actor" | "starts_at" | "ends_at"> & {
  customer_id: string
  starts_at: string
  ends_at: string
}

/** A visit written: its booking and the order the booking carries. */
export type WrittenVisit = { booking_id: string; booking_number: string; order_id: string }

/**
 * The visits' Medusa orders, bookings and booking-number logins in sets, in one transaction.
 * The orders as completeCartWorkflow leaves a pay-on-the-day order: the order with its line and
 * tax lines, its payment collection authorized through the system provider (an authorized
 * session and its payment, nothing captured) and the order ↔ payment collection link, all copied
 * from the group's first order in SQL (copy-visit-*.ts). The bookings (confirmed, with their
 * order) and logins are written as their modules write them, one statement per table, without
 * the ORM (docs/decisions/billing-cycles.md); nothing listens for those rows being created.
 */
export const createSeriesVisitsStep = createStep(
  "create-series-visits",
  async (input: { template: SeriesVisitTemplate; visits: SeriesVisitRow[]; now: string }, { container }) => {
    const { template, visits } = input
    if (!visits.length) return new StepResponse([] as WrittenVisit[], null)
    const written: WrittenVisit[] = visits.map(() => ({
      booking_id: newEntityId("bkg"),
      booking_number: generateBookingNumber(),
      order_id: newEntityId("order"),
    }))
    const knex = container.resolve<KnexTransactions>(ContainerRegistrationKeys.PG_CONNECTION)
    // One transaction: a failure leaves nothing behind (a step's compensation only runs once it has returned).
    const undo = await knex.transaction(async (trx) => {
      const sql = knexSqlManager(trx)
      const emails = visits.map((visit) => visit.email.toLowerCase())
      await copyVisitOrders(
        sql,
        template.order_id,
        written.map((w, i) => ({ ...w, customer_id: visits[i].customer_id, email: visits[i].email }))
      )
      const collection_ids = await copyVisitPayments(
        sql,
        template.order_id,
        written.map((w) => w.order_id),
        input.now
      )
      await insertNew(
        sql,
        BOOKING_TABLE,
        visits.map((visit, i) => bookingRow(visit, written[i], emails[i]))
      )
      const identity_ids = await insertBookingNumberLogins(
        sql,
        written.map((w, i) => ({ booking_number: w.booking_number, email: emails[i] }))
      )
      return { order_ids: written.map((w) => w.order_id), collection_ids, booking_ids: written.map((w) => w.booking_id), identity_ids }
    })
    return new StepResponse(written, undo)
  },
  async (undo, { container }) => {
    if (!undo) return
    await container.resolve<IAuthModuleService>(Modules.AUTH).deleteAuthIdentities(undo.identity_ids)
    await container.resolve<BookingModuleService>(BOOKING_MODULE).deleteBookings(undo.booking_ids)
    const link = container.resolve(ContainerRegistrationKeys.LINK)
    await link.dismiss(
      undo.order_ids.map((id, i) => ({ [Modules.ORDER]: { order_id: id }, [Modules.PAYMENT]: { payment_collection_id: undo.collection_ids[i] } }))
    )
    await container.resolve(Modules.PAYMENT).deletePaymentCollections(undo.collection_ids)
    await container.resolve(Modules.ORDER).deleteOrders(undo.order_ids)
  }
)

/** The booking row as createBookings would write it from the visit (the model's defaults given). */
const bookingRow = (visit: SeriesVisitRow, written: WrittenVisit, email: string): NewBooking => ({
  id: written.booking_id,
  booking_number: written.booking_number,
  order_id: written.order_id,
  status: "confirmed",
  email,
  customer_id: visit.customer_id,
  service_title: visit.service_title,
  starts_at: new Date(visit.starts_at).toISOString(),
  ends_at: new Date(visit.ends_at).toISOString(),
  location_text: visit.location_text ?? null,
  product_id: visit.product_id ?? null,
  variant_id: visit.variant_id ?? null,
  option_title: visit.option_title ?? null,
  address_id: visit.address_id ?? null,
  location: visit.location ?? null,
  contact: visit.contact ?? null,
  business_profile_id: visit.business_profile_id ?? null,
  additional_contact_id: visit.additional_contact_id ?? null,
  dependent_ids: visit.dependent_ids ?? [],
  instructions: visit.instructions ?? null,
  card: visit.card ?? null,
  series_id: visit.series_id ?? null,
  occurrence: visit.occurrence ?? null,
})
