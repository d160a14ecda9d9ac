// The repeat visits' part of `npm run bench:cycles`: BENCH_SERIES_COUNT weekly series, each booked
// up to a week short of the 8-week horizon, so the rolling job books exactly one visit for each.
// All in one price group: its first visit goes through the customer's booking path (capacity,
// cart → order) and the rest are booked in sets from it, on the demo's regular clean with its
// capacity raised so that every series gets its usual window.

const HANDLE = "regular-home-clean"
const WEEKDAYS = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"]
const addDays = (iso, days) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10)

/** Series `bser_seriesbench…` of customers `cus_seriesbench…`, booked until `today` + 7 weeks. */
export async function generateSeries(db, count, today) {
  const service = (
    await db.query(
      `SELECT p.id AS product_id, p.title, v.id AS variant_id, v.title AS option_title,
              (SELECT sales_channel_id FROM product_sales_channel psc WHERE psc.product_id = p.id AND psc.deleted_at IS NULL LIMIT 1) AS sales_channel_id
         FROM product p JOIN product_variant v ON v.product_id = p.id AND v.deleted_at IS NULL
        WHERE p.handle = $1 ORDER BY v.id LIMIT 1`,
      [HANDLE]
    )
  ).rows[0]
  const everyDay = JSON.stringify([1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: "07:00", end: "19:00" })))
  await db.query("UPDATE service_details SET capacity = 1000000, working_hours = $2::jsonb WHERE product_id = $1", [service.product_id, everyDay])

  const startsOn = addDays(today, -7)
  const rule = `FREQ=WEEKLY;BYDAY=${WEEKDAYS[new Date(`${startsOn}T00:00:00Z`).getUTCDay()]}`
  const bookedUntil = addDays(today, 7 * 7)
  const id = (prefix) => `'${prefix}' || lpad(g::text, 7, '0')`
  await db.query("BEGIN")
  await db.query(
    `INSERT INTO customer (id, first_name, last_name, email, has_account, created_at, updated_at)
     SELECT ${id("cus_seriesbench")}, 'Series', 'Customer ' || g, 'seriesbench' || g || '@example.com', false, now(), now()
       FROM generate_series(1, $1::int) g`,
    [count]
  )
  await db.query(
    `INSERT INTO customer_address (id, customer_id, address_1, city, postal_code, country_code, is_default_shipping, is_default_billing, created_at, updated_at)
     SELECT ${id("cuaddr_seriesbench")}, ${id("cus_seriesbench")}, g || ' Larch Avenue', 'Bristol', 'BS6 7QT', 'gb', true, true, now(), now()
       FROM generate_series(1, $1::int) g`,
    [count]
  )
  await db.query(
    `INSERT INTO booking_series (id, customer_id, status, frequency, rule, starts_on, start_time, time_zone, booked_until,
                                 product_id, variant_id, service_title, option_title, sales_channel_id, address_id, location_text, created_by,
                                 skipped, dependent_ids, created_at, updated_at)
     SELECT ${id("bser_seriesbench")}, ${id("cus_seriesbench")}, 'active', 'weekly', $2, $3, '09:00', 'Europe/London', $4,
            $5, $6, $7, $8, $9, ${id("cuaddr_seriesbench")}, g || ' Larch Avenue, Bristol, BS6 7QT', 'staff', '{}', '{}', now(), now()
       FROM generate_series(1, $1::int) g`,
    [count, rule, startsOn, bookedUntil, service.product_id, service.variant_id, service.title, service.option_title, service.sales_channel_id]
  )
  await db.query("COMMIT")
  await db.query("ANALYZE customer; ANALYZE customer_address; ANALYZE booking_series")
}

/** Series that did not get exactly one new visit, and how many visits were booked in all. */
export async function checkSeries(db) {
  return (
    await db.query(
      `SELECT count(*) FILTER (WHERE visits <> 1)::int AS wrong_series, coalesce(sum(visits), 0)::int AS visits
         FROM (SELECT s.id, (SELECT count(*) FROM booking b WHERE b.series_id = s.id AND b.status <> 'cancelled') AS visits
                 FROM booking_series s WHERE s.id LIKE 'bser_seriesbench%') per_series`
    )
  ).rows[0]
}
