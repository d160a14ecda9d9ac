import type { IAuthModuleService } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, generateEntityId, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BOOKING_MODULE, type BookingModuleService, generateBookingNumber } from "../../../modules/booking"
import { BOOKING_NUMBER_PROVIDER } from "../../../providers/booking-number/service"
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

export type WrittenOrder = { booking_id: string; booking_number: string; order_id: string }

/**
 * The visits' Medusa orders in sets, as completeCartWorkflow leaves a pay-on-the-day order: the
 * order with its line and tax lines, its payment collection authorized through the system
 * provider (an authorized session and its payment, nothing captured) and the order ↔ payment
 * collection link, all copied from the group's first order in SQL (steps/copy-visit-*.ts).
 * Booking ids and numbers are chosen here so the orders carry them.
 */
export const createSeriesVisitOrdersStep = createStep(
  "create-series-visit-orders",
  async (input: { template: SeriesVisitTemplate; visits: SeriesVisitRow[]; now: string }, { container }) => {
    const { template, visits } = input
    if (!visits.length) return new StepResponse([] as WrittenOrder[], null)
    const booked = visits.map(() => ({ booking_id: generateEntityId(undefined, "bkg"), booking_number: generateBookingNumber() }))
    const written = booked.map((b) => ({ ...b, order_id: generateEntityId(undefined, "order") }))
    const knex = container.resolve<KnexTransactions>(ContainerRegistrationKeys.PG_CONNECTION)
    // One transaction: a failure leaves nothing behind (a step's compensation only runs once it has returned).
    const collectionIds = await knex.transaction(async (trx) => {
      const sql = knexSqlManager(trx)
      await copyVisitOrders(
        sql,
        template.order_id,
        written.map((w, i) => ({ ...w, customer_id: visits[i].customer_id, email: visits[i].email }))
      )
      return copyVisitPayments(
        sql,
        template.order_id,
        written.map((w) => w.order_id),
        input.now
      )
    })
    return new StepResponse(written, { order_ids: written.map((w) => w.order_id), collection_ids: collectionIds })
  },
  async (undo, { container }) => {
    if (!undo) return
    const link = container.resolve(ContainerRegistrationKeys.LINK)
    await link.dismiss(
      undo.order_ids.map((id, i) => ({ [Modules.ORDER]: { order_id: id }, [Modules.PAYMENT]: { payment_collection_id: undo.collection_ids[i] } }))
    )
    await container.resolve(Modules.PAYMENT).deletePaymentCollections(undo.collection_ids)
    await container.resolve(Modules.ORDER).deleteOrders(undo.order_ids)
  }
)

/** The booking rows (confirmed, with their orders) and their booking-number logins, in sets. */
export const createSeriesVisitBookingsStep = createStep(
  "create-series-visit-bookings",
  async (input: { visits: SeriesVisitRow[]; orders: WrittenOrder[] }, { container }) => {
    if (!input.visits.length) return new StepResponse([] as { id: string; booking_number: string }[], null)
    const bookings: BookingModuleService = container.resolve(BOOKING_MODULE)
    const auth: IAuthModuleService = container.resolve(Modules.AUTH)
    const created = await bookings.createBookings(
      input.visits.map((visit, i) => ({
        ...visit,
        id: input.orders[i].booking_id,
        booking_number: input.orders[i].booking_number,
        order_id: input.orders[i].order_id,
        status: "confirmed" as const,
        email: visit.email.toLowerCase(),
        starts_at: new Date(visit.starts_at),
        ends_at: new Date(visit.ends_at),
      }))
    )
    const identities = await auth.createAuthIdentities(
      created.map((booking) => ({
        provider_identities: [{ provider: BOOKING_NUMBER_PROVIDER, entity_id: booking.booking_number, provider_metadata: { email: booking.email } }],
      }))
    )
    return new StepResponse(
      created.map(({ id, booking_number }) => ({ id, booking_number })),
      { booking_ids: created.map((b) => b.id), identity_ids: identities.map((i) => i.id) }
    )
  },
  async (undo, { container }) => {
    if (!undo) return
    await container.resolve<IAuthModuleService>(Modules.AUTH).deleteAuthIdentities(undo.identity_ids)
    await container.resolve<BookingModuleService>(BOOKING_MODULE).deleteBookings(undo.booking_ids)
  }
)
