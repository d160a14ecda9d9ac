import type { Context, DAL } from "@medusajs/framework/types"
import { generateEntityId, InjectManager, MedusaContext, MedusaError, MedusaService } from "@medusajs/framework/utils"
import { windowsBetween, windowStartingAt, type ArrivalWindow, type ScheduleSettings, type WorkingHours } from "./availability"
import BookedWindow from "./models/booked-window"
import ServiceDetails from "./models/service-details"
import { sqlManager } from "../../utils/sql-manager"

/** The plugin's options, which Medusa hands to each of the plugin's modules. */
export type ServicesOptions = { timeZone?: string }

export type WindowWithRoom = ArrivalWindow & { remaining: number }

/**
 * Who is booking. Customers get the service's lead time and horizon; the office, booking on the
 * phone or moving a visit, may take any window from now on, up to a year ahead.
 */
export type BookingParty = "customer" | "staff"
const STAFF_HORIZON_DAYS = 366

export { normalizePostcode, servesPostcode } from "./service-areas"

class ServicesModuleService extends MedusaService({ ServiceDetails, BookedWindow }) {
  readonly timeZone: string

  constructor(dependencies: { baseRepository: DAL.RepositoryService }, options: ServicesOptions = {}) {
    // eslint-disable-next-line prefer-rest-params
    super(...arguments)
    this.timeZone = options.timeZone || process.env.BUSINESS_TIME_ZONE || "Europe/London"
  }

  /** The service settings of a product; "not found" when it is not a bookable service. */
  async retrieveServiceOf(productId: string) {
    const [details] = await this.listServiceDetails({ product_id: productId }, { take: 1 })
    if (!details) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Service ${productId} was not found`)
    return details
  }

  static scheduleOf(details: {
    duration_minutes: number
    window_minutes: number
    capacity: number
    working_hours: unknown
    lead_time_hours: number
    horizon_days: number
  }): ScheduleSettings {
    return {
      duration_minutes: details.duration_minutes,
      window_minutes: details.window_minutes,
      capacity: details.capacity,
      working_hours: (details.working_hours as WorkingHours | null) ?? [],
      lead_time_hours: details.lead_time_hours,
      horizon_days: details.horizon_days,
    }
  }

  /** A service's schedule as `by` may book it. */
  async scheduleFor(productId: string, by: BookingParty): Promise<ScheduleSettings> {
    const schedule = ServicesModuleService.scheduleOf(await this.retrieveServiceOf(productId))
    return by === "staff" ? { ...schedule, lead_time_hours: 0, horizon_days: Math.max(schedule.horizon_days, STAFF_HORIZON_DAYS) } : schedule
  }

  /** Free arrival windows between two instants, each with how many bookings it can still take. */
  @InjectManager()
  async freeWindows(
    productId: string,
    from: Date,
    to: Date,
    now = new Date(),
    by: BookingParty = "customer",
    @MedusaContext() sharedContext: Context = {}
  ): Promise<WindowWithRoom[]> {
    const schedule = await this.scheduleFor(productId, by)
    const windows = windowsBetween(schedule, from, to, now, this.timeZone)
    if (!windows.length) return []
    const manager = sqlManager(sharedContext)
    const rows = await manager.execute(
      `SELECT starts_at, booked FROM service_booked_window WHERE product_id = ? AND starts_at >= ? AND starts_at <= ? AND deleted_at IS NULL`,
      [productId, windows[0].starts_at, windows[windows.length - 1].starts_at]
    )
    const booked = new Map(rows.map((row) => [new Date(row.starts_at as string).getTime(), Number(row.booked)]))
    return windows
      .map((window) => ({ ...window, remaining: schedule.capacity - (booked.get(window.starts_at.getTime()) ?? 0) }))
      .filter((window) => window.remaining > 0)
  }

  /**
   * Takes one place in a window. The single conditional UPDATE is what keeps capacity: however
   * many checkouts race for the last place, PostgreSQL lets exactly one of them increment.
   */
  @InjectManager()
  async reserveWindow(
    productId: string,
    startsAt: Date,
    now = new Date(),
    by: BookingParty = "customer",
    @MedusaContext() sharedContext: Context = {}
  ): Promise<ArrivalWindow> {
    const schedule = await this.scheduleFor(productId, by)
    const window = windowStartingAt(schedule, startsAt, now, this.timeZone)
    if (!window) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        startsAt.getTime() < now.getTime()
          ? "That time has already passed. Choose one of the times offered."
          : "That time is not one we offer for this service. Choose one of the times offered."
      )
    }
    const manager = sqlManager(sharedContext)
    await manager.execute(
      `INSERT INTO service_booked_window (id, product_id, starts_at, ends_at, booked) VALUES (?, ?, ?, ?, 0)
       ON CONFLICT (product_id, starts_at) WHERE deleted_at IS NULL DO NOTHING`,
      [generateEntityId(undefined, "bwin"), productId, window.starts_at, window.ends_at]
    )
    const updated = await manager.execute(
      `UPDATE service_booked_window SET booked = booked + 1, updated_at = now()
       WHERE product_id = ? AND starts_at = ? AND deleted_at IS NULL AND booked < ? RETURNING id`,
      [productId, window.starts_at, schedule.capacity]
    )
    if (!updated.length) {
      throw new MedusaError(MedusaError.Types.CONFLICT, "Sorry, that time has just been booked by someone else. Choose another time.")
    }
    return window
  }

  /**
   * Takes back a place that was given back a moment ago (undoing releaseWindow when a later step
   * fails): no capacity or lead-time check, the place was this booking's.
   */
  @InjectManager()
  async retakeWindow(productId: string, startsAt: Date, @MedusaContext() sharedContext: Context = {}): Promise<void> {
    const manager = sqlManager(sharedContext)
    await manager.execute(
      `UPDATE service_booked_window SET booked = booked + 1, updated_at = now() WHERE product_id = ? AND starts_at = ? AND deleted_at IS NULL`,
      [productId, startsAt]
    )
  }

  /**
   * Takes up to `count` places in one window in one statement (the repeat visits' rolling job):
   * the same capacity rule as reserveWindow, as many as still fit, never more. The row lock the
   * UPDATE takes makes a customer booking the same window at once wait, then see the new count.
   * `window` is null when the time is not one offered for the service (nothing taken).
   */
  @InjectManager()
  async reserveWindowPlaces(
    productId: string,
    startsAt: Date,
    count: number,
    now = new Date(),
    by: BookingParty = "customer",
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ window: ArrivalWindow | null; taken: number }> {
    const schedule = await this.scheduleFor(productId, by)
    const window = windowStartingAt(schedule, startsAt, now, this.timeZone)
    if (!window || count < 1) return { window, taken: 0 }
    const manager = sqlManager(sharedContext)
    await manager.execute(
      `INSERT INTO service_booked_window (id, product_id, starts_at, ends_at, booked) VALUES (?, ?, ?, ?, 0)
       ON CONFLICT (product_id, starts_at) WHERE deleted_at IS NULL DO NOTHING`,
      [generateEntityId(undefined, "bwin"), productId, window.starts_at, window.ends_at]
    )
    const rows = await manager.execute(
      `UPDATE service_booked_window w SET booked = LEAST(w.booked + ?, ?), updated_at = now()
         FROM (SELECT id, booked FROM service_booked_window
                WHERE product_id = ? AND starts_at = ? AND deleted_at IS NULL AND booked < ? FOR UPDATE) before
        WHERE w.id = before.id
       RETURNING w.booked - before.booked AS taken`,
      [count, schedule.capacity, productId, window.starts_at, schedule.capacity]
    )
    return { window, taken: rows.length ? Number(rows[0].taken) : 0 }
  }

  /** Gives places back (a cancelled booking, a failed checkout; `count` for a rolling job's batch undone). */
  @InjectManager()
  async releaseWindow(productId: string, startsAt: Date, count = 1, @MedusaContext() sharedContext: Context = {}): Promise<void> {
    const manager = sqlManager(sharedContext)
    await manager.execute(
      `UPDATE service_booked_window SET booked = GREATEST(booked - ?, 0), updated_at = now()
       WHERE product_id = ? AND starts_at = ? AND deleted_at IS NULL AND booked > 0`,
      [count, productId, startsAt]
    )
  }
}

export default ServicesModuleService
