import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"

/**
 * Scale data on top of the demo business, for benchmarks: `SCALE_CUSTOMERS` customers with
 * `SCALE_BOOKINGS_PER_CUSTOMER` bookings each (half past, half upcoming, of the demo services),
 * and password logins (`SCALE_PASSWORD`) for the first `SCALE_LOGINS` of them.
 *
 *   SCALE_CUSTOMERS=10000 SCALE_BOOKINGS_PER_CUSTOMER=20 npx medusa exec ./seeds/src/scale.ts
 *
 * Rows are written with set-based SQL (generate_series) so a million customers take seconds,
 * not hours; ids are deterministic, so running it again only adds what is missing.
 * Customers are scale-000001@bench.example and so on.
 */
export default async function generateScaleData({ container }: ExecArgs) {
  const customers = Number(process.env.SCALE_CUSTOMERS ?? 10_000)
  const bookingsPerCustomer = Number(process.env.SCALE_BOOKINGS_PER_CUSTOMER ?? 20)
  const logins = Math.min(customers, Number(process.env.SCALE_LOGINS ?? 50))
  const password = process.env.SCALE_PASSWORD ?? "bench-password"
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const db = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)

  const started = Date.now()
  await db.raw(
    `insert into customer (id, email, first_name, last_name, phone, has_account, created_at, updated_at)
     select 'cus_scale_' || lpad(i::text, 7, '0'),
            'scale-' || lpad(i::text, 6, '0') || '@bench.example',
            (array['Olivia','James','Amira','Tom','Priya','Noah','Grace','Leo','Maya','Sam'])[1 + i % 10],
            (array['Bennett','Carter','Khan','Hughes','Shah','Evans','Price','Ward','Lewis','Hall'])[1 + (i / 10) % 10],
            '+44 7700 ' || lpad((i % 1000000)::text, 6, '0'),
            false,
            now() - (i % 1000) * interval '1 day',
            now()
       from generate_series(1, ?::int) as i
     on conflict (id) do nothing`,
    [customers]
  )

  // The demo services, so bookings name real products.
  const { rows: services } = await db.raw(
    `select p.id, p.title, coalesce(sd.duration_minutes, 120) as duration_minutes
       from product p left join service_details sd on sd.product_id = p.id and sd.deleted_at is null
      where p.deleted_at is null and p.status = 'published' order by p.title`
  )
  if (!services.length) throw new Error("No published services: run the demo seeds first (npx medusa exec ./seeds/src/demo.ts)")

  // Booking n of customer i starts at 09:00: the first half in the past, the rest upcoming.
  await db.raw(
    `with numbered as (
       -- Two weeks apart, at least 8 days from today either side.
       select c.i, b.n, (c.i - 1) * ?::int + b.n as k,
              case when b.n <= ?::int / 2 then -(?::int / 2 - b.n + 1) * 14 + c.i % 7 else (b.n - ?::int / 2) * 14 - c.i % 7 end as day_offset
         from generate_series(1, ?::int) as c(i), generate_series(1, ?::int) as b(n)
     ), services as (
       select row_number() over () - 1 as idx, id, title, duration_minutes from (select * from json_to_recordset(?::json) as s(id text, title text, duration_minutes int)) s
     )
     insert into booking (id, booking_number, customer_id, email, status, service_title, product_id, starts_at, ends_at,
                          location_text, location, contact, dependent_ids, created_at, updated_at)
     select 'bkg_scale_' || lpad(k::text, 10, '0'),
            'BK-' || substr(lpad(upper(to_hex(k)), 12, '0'), 1, 4) || '-' || substr(lpad(upper(to_hex(k)), 12, '0'), 5, 4) || '-' || substr(lpad(upper(to_hex(k)), 12, '0'), 9, 4),
            'cus_scale_' || lpad(i::text, 7, '0'),
            'scale-' || lpad(i::text, 6, '0') || '@bench.example',
            case when n <= ?::int / 2 then 'completed' else 'confirmed' end,
            s.title,
            s.id,
            date_trunc('day', now()) + day_offset * interval '1 day' + interval '9 hours',
            date_trunc('day', now()) + day_offset * interval '1 day' + interval '9 hours' + s.duration_minutes * interval '1 minute',
            (i % 200 + 1) || ' Gloucester Road, Bristol BS7 ' || (i % 9 + 1) || 'AB',
            json_build_object('address_1', (i % 200 + 1) || ' Gloucester Road', 'city', 'Bristol', 'postal_code', 'BS7 ' || (i % 9 + 1) || 'AB', 'country_code', 'gb'),
            json_build_object('name', 'Scale customer ' || i, 'email', 'scale-' || lpad(i::text, 6, '0') || '@bench.example', 'phone', null),
            '{}',
            now(), now()
       from numbered join services s on s.idx = (k % ?::int)
     on conflict (id) do nothing`,
    [
      bookingsPerCustomer,
      bookingsPerCustomer,
      bookingsPerCustomer,
      bookingsPerCustomer,
      customers,
      bookingsPerCustomer,
      JSON.stringify(services),
      bookingsPerCustomer,
      services.length,
    ]
  )

  // Password logins, through Medusa's auth module like a real sign-up (hashing is the slow part, so only a few).
  const auth = container.resolve(Modules.AUTH)
  const customerModule = container.resolve(Modules.CUSTOMER)
  for (let i = 1; i <= logins; i++) {
    const email = `scale-${String(i).padStart(6, "0")}@bench.example`
    const customerId = `cus_scale_${String(i).padStart(7, "0")}`
    const existing = await auth.listProviderIdentities({ entity_id: email, provider: "emailpass" }, { take: 1 })
    if (existing.length) continue
    const { authIdentity, error } = await auth.register("emailpass", { body: { email, password } })
    if (error || !authIdentity) throw new Error(`Could not create the login for ${email}: ${error}`)
    await auth.updateAuthIdentities({ id: authIdentity.id, app_metadata: { customer_id: customerId } })
    await customerModule.updateCustomers(customerId, { has_account: true })
  }

  await db.raw("analyze customer; analyze booking")
  logger.info(`Scale data: ${customers} customers × ${bookingsPerCustomer} bookings, ${logins} logins, in ${((Date.now() - started) / 1000).toFixed(1)} s`)
}
