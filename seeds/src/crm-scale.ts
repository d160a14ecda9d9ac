import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { PROFILE_LINK_TABLE } from "@fieldservice/medusa-portal/db/tables"

/**
 * A big customer base for the directory benchmark, on top of the demo business:
 * `CRM_CUSTOMERS` (1,000,000) customers with believable names, emails and UK phone numbers, a
 * profile each (status, tags), extra numbers and emails, a home address, custom-field values,
 * business profiles for one in ten, a past and/or upcoming visit for some, an invoice for each
 * past visit (some still owed, some of those overdue). Then every
 * customer's directory row is built.
 *
 *   CRM_CUSTOMERS=1000000 npx medusa exec ./seeds/src/crm-scale.ts
 *
 * Set-based SQL in chunks of `CRM_CHUNK` (100,000) customers; ids are deterministic
 * (cus_crm_0000001…), so running it again only adds what is missing.
 */
const FIRST_NAMES = `Olivia Amelia Isla Ava Ivy Freya Lily Florence Mia Willow Rosie Sophia Isabella Grace Daisy Sienna Poppy Elsie Emily Ella
Evelyn Phoebe Sofia Evie Charlotte Harper Millie Matilda Maya Sophie Alice Emilia Isabelle Ruby Luna Maisie Aria Penelope Mila Bonnie
Noah Oliver George Leo Muhammad Archie Arthur Oscar Theodore Henry Harry Jack Charlie Finley Freddie Alfie Theo Thomas Jacob Lucas
Isaac Tommy Roman Albie William Edward Hugo Joshua James Louie Reggie Elijah Teddy Ronnie Max Mohammed Ezra Jude Rory Arlo
Priya Aisha Fatima Zara Amira Hannah Chloe Megan Lauren Jessica Samuel Daniel Benjamin Joseph Adam Ryan Nathan Ethan Dylan Kai`.split(/\s+/)
const LAST_NAMES = `Smith Jones Taylor Brown Williams Wilson Johnson Davies Patel Robinson Wright Thompson Evans Walker White Roberts Green
Hall Thomas Clarke Jackson Wood Harris Edwards Turner Martin Cooper Hill Ward Hughes Moore Clark King Harrison Lewis Baker Lee Allen
Morris Khan Scott Watson Davis Parker James Bennett Young Phillips Richardson Mitchell Bailey Carter Cook Singh Shaw Bell Collins Morgan
Kelly Begum Miller Cox Hussain Marshall Simpson Price Anderson Adams Wilkinson Ali Ahmed Foster Ellis Murphy Chapman Mason Gray
Richards Webb Griffiths Hunt Palmer Campbell Holmes Mills Rogers Barnes Knight Matthews Barker Powell Stevens Kaur Fisher Butler Dixon
Russell Harvey Pearson Graham Fletcher Reid Lloyd Jenkins Saunders Stewart Ross Gibson Wells Dawson Chambers Fox Armstrong Rahman
Nowak Kowalski Okafor Mensah Nguyen Chen Wang Costa Silva Rossi Murray Kennedy Hayes Burke Quinn Doyle Byrne Walsh Ryan Nolan
Shah Mistry Chauhan Gill Sandhu Dhillon Malik Iqbal Sheikh Akhtar Ferreira Santos Oliveira Kaya Yilmaz Demir Novak Horvat Ivanov Popescu`.split(/\s+/)
const EMAIL_DOMAINS = ["gmail.com", "outlook.com", "hotmail.co.uk", "yahoo.co.uk", "icloud.com", "btinternet.com", "sky.com", "proton.me"]
const STREETS = `High Street|Station Road|Main Street|Park Road|Church Road|Church Street|London Road|Victoria Road|Green Lane|Manor Road
Church Lane|Park Avenue|The Avenue|The Crescent|Queens Road|New Road|Grange Road|Kings Road|Kingsway|Windsor Road|Highfield Road
Mill Lane|Alexander Road|York Road|St John's Road|Main Road|Broadway|King Street|The Green|Springfield Road|George Street|Park Lane
Victoria Street|Albert Road|Queensway|New Street|Queen Street|West Street|North Street|Manchester Road|The Drive|Gloucester Road`.split(/[|\n]/)
const TOWNS = [
  ["Bristol", "BS"],
  ["Bath", "BA"],
  ["Cardiff", "CF"],
  ["Swindon", "SN"],
  ["Gloucester", "GL"],
  ["Exeter", "EX"],
  ["Reading", "RG"],
  ["Oxford", "OX"],
]
const BUSINESS_WORDS = ["Harbour", "Oak", "Northgate", "Riverside", "Clifton", "Summit", "Avon", "Redland", "Meadow", "Kingfisher", "Pioneer", "Beacon"]
const BUSINESS_KINDS = ["Lettings", "Property Management", "Dental Practice", "Cafe", "Estates", "Offices", "Nursery", "Vets", "Dental Care", "Holiday Lets"]
const HEARD_ABOUT_US = ["Google", "Friend or neighbour", "Leaflet", "Facebook", "Other"]
const ACCOUNT_MANAGERS = ["Sam Patel", "Jo Evans", "Kit Morgan", "Ash Khan"]

const sqlArray = (values: string[]) => `array[${values.map((value) => `'${value.replace(/'/g, "''")}'`).join(",")}]`

export default async function generateCrmScaleData({ container }: ExecArgs) {
  const total = Number(process.env.CRM_CUSTOMERS ?? 1_000_000)
  const chunk = Number(process.env.CRM_CHUNK ?? 100_000)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const db = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const started = Date.now()

  const { rows: fields } = await db.raw(`select id, key from custom_field where target_type = 'customer' and target_id is null and deleted_at is null`)
  const fieldId = (key: string) => (fields as { id: string; key: string }[]).find((field) => field.key === key)?.id ?? null
  const { rows: services } = await db.raw(`select p.id, p.title from product p where p.deleted_at is null and p.status = 'published' order by p.title`)
  if (!services.length) throw new Error("No published services: run the demo seeds first (npx medusa exec ./seeds/src/demo.ts)")

  // Every name and place is picked by multiplying i by a prime, so neighbours differ and the mix is even.
  const first = `(${sqlArray(FIRST_NAMES)})[1 + (i::bigint * 7919) % ${FIRST_NAMES.length}]`
  const last = `(${sqlArray(LAST_NAMES)})[1 + (i::bigint * 104729 / 13) % ${LAST_NAMES.length}]`
  const mobile = `lpad(((i::bigint * 7919) % 1000000000)::text, 9, '0')`
  const town = `(i * 31) % ${TOWNS.length}`
  const towns = sqlArray(TOWNS.map(([name]) => name))
  const areas = sqlArray(TOWNS.map(([, area]) => area))
  const postcode = `(${areas})[1 + ${town}] || (1 + i % 20) || ' ' || (1 + i % 9) || chr(65 + i % 26) || chr(65 + (i / 26) % 26)`
  const business = `(${sqlArray(BUSINESS_WORDS)})[1 + (i / 10) % ${BUSINESS_WORDS.length}] || ' ' || (${sqlArray(BUSINESS_KINDS)})[1 + (i / 7) % ${BUSINESS_KINDS.length}]`
  const id = (prefix: string) => `'${prefix}_crm_' || lpad(i::text, 7, '0')`

  for (let from = 1; from <= total; from += chunk) {
    const to = Math.min(total, from + chunk - 1)
    const series = `generate_series(${from}::int, ${to}::int) as i`
    await db.raw(
      `insert into customer (id, email, first_name, last_name, phone, company_name, has_account, created_at, updated_at)
       select ${id("cus")}, lower(${first} || '.' || replace(replace(${last}, '''', ''), ' ', '')) || i || '@' || (${sqlArray(EMAIL_DOMAINS)})[1 + i % ${EMAIL_DOMAINS.length}],
              ${first}, ${last}, '+44 7' || substr(${mobile}, 1, 3) || ' ' || substr(${mobile}, 4, 6),
              case when i % 10 = 0 then ${business} end, false,
              now() - (i % 2000) * interval '1 day', now()
         from ${series} on conflict (id) do nothing`
    )
    await db.raw(
      `insert into customer_profile (id, kind, status, tags, internal_notes, created_at, updated_at)
       select ${id("cprof")}, case when i % 10 = 0 then 'business' else 'personal' end,
              case when i % 50 = 0 then 'archived' when i % 97 = 0 then 'blocked' else 'active' end,
              array_remove(array[case when i % 3 = 0 then 'Residential' end, case when i % 10 = 0 then 'Commercial' end,
                                 case when i % 17 = 0 then 'VIP' end, case when i % 23 = 0 then 'Groupon' end,
                                 case when i % 31 = 0 then 'Key holder' end], null),
              case when i % 13 = 0 then 'Prefers morning visits' end, now(), now()
         from ${series} on conflict (id) do nothing`
    )
    await db.raw(
      `insert into ${PROFILE_LINK_TABLE} (id, customer_id, customer_profile_id, created_at, updated_at)
       select ${id("cuscprof")}, ${id("cus")}, ${id("cprof")}, now(), now() from ${series} on conflict do nothing`
    )
    // The mobile is the customer's own (primary) phone; the list holds the others: a landline for a third, a work email for a quarter.
    await db.raw(
      `insert into customer_contact_method (id, kind, value, normalized, is_primary, profile_id, created_at, updated_at)
       select ${id("cmeth")} || '_p', 'phone', '01' || lpad(((i::bigint * 3571) % 100000000)::text, 8, '0'), '01' || lpad(((i::bigint * 3571) % 100000000)::text, 8, '0'), false, ${id("cprof")}, now(), now()
         from ${series} where i % 3 = 0
       union all
       select ${id("cmeth")} || '_e', 'email', lower(${first}) || '.' || i || '@work.example', lower(${first}) || '.' || i || '@work.example', false, ${id("cprof")}, now(), now()
         from ${series} where i % 4 = 0
       on conflict (id) do nothing`
    )
    await db.raw(
      `insert into customer_address (id, customer_id, address_name, is_default_shipping, is_default_billing, first_name, last_name,
                                     address_1, city, country_code, postal_code, created_at, updated_at)
       select ${id("cuaddr")}, ${id("cus")}, 'Home', true, true, ${first}, ${last},
              (1 + i % 180) || ' ' || (${sqlArray(STREETS)})[1 + (i * 13) % ${STREETS.length}], (${towns})[1 + ${town}], 'gb', ${postcode}, now(), now()
         from ${series} on conflict (id) do nothing`
    )
    await db.raw(
      `insert into business_profile (id, customer_id, name, billing_email, address_1, city, postal_code, country_code, created_at, updated_at)
       select ${id("bizprof")}, ${id("cus")}, ${business}, 'accounts' || i || '@business.example',
              (1 + i % 180) || ' ' || (${sqlArray(STREETS)})[1 + (i * 7) % ${STREETS.length}], (${towns})[1 + ${town}], ${postcode}, 'gb', now(), now()
         from ${series} where i % 10 = 0 on conflict (id) do nothing`
    )
    const values: string[] = []
    if (fieldId("heard_about_us")) {
      values.push(
        `select ${id("cfval")} || '_h', '${fieldId("heard_about_us")}', 'customer', ${id("cus")}, to_jsonb((${sqlArray(HEARD_ABOUT_US)})[1 + (i * 11) % 5]), now(), now() from ${series} where i % 2 = 0`
      )
    }
    if (fieldId("holds_key")) {
      values.push(
        `select ${id("cfval")} || '_k', '${fieldId("holds_key")}', 'customer', ${id("cus")}, 'true'::jsonb, now(), now() from ${series} where i % 11 = 0`
      )
    }
    if (fieldId("account_manager")) {
      values.push(
        `select ${id("cfval")} || '_a', '${fieldId("account_manager")}', 'customer', ${id("cus")}, to_jsonb((${sqlArray(ACCOUNT_MANAGERS)})[1 + i % 4]), now(), now() from ${series} where i % 10 = 0`
      )
    }
    if (fieldId("gate_code")) {
      values.push(
        `select ${id("cfval")} || '_g', '${fieldId("gate_code")}', 'customer', ${id("cus")}, to_jsonb(lpad((i % 10000)::text, 4, '0')), now(), now() from ${series} where i % 7 = 0`
      )
    }
    if (values.length) {
      await db.raw(
        `insert into custom_field_value (id, field_id, owner_type, owner_id, value, created_at, updated_at) ${values.join(" union all ")} on conflict (id) do nothing`
      )
    }
    // A past visit for a quarter of customers, an upcoming one for an eighth.
    await db.raw(
      `with services as (select row_number() over () - 1 as idx, id, title from json_to_recordset(?::json) as s(id text, title text))
       insert into booking (id, booking_number, customer_id, email, status, service_title, product_id, starts_at, ends_at, location_text, dependent_ids, created_at, updated_at)
       select ${id("bkg")} || v.kind, 'BK-C' || upper(to_hex(i)) || v.kind, ${id("cus")}, 'crm-' || i || '@bench.example',
              case v.kind when 'p' then 'completed' else 'confirmed' end, s.title, s.id,
              date_trunc('day', now()) + (case v.kind when 'p' then -(1 + i % 400) else 1 + i % 60 end) * interval '1 day' + interval '9 hours',
              date_trunc('day', now()) + (case v.kind when 'p' then -(1 + i % 400) else 1 + i % 60 end) * interval '1 day' + interval '11 hours',
              ${postcode}, '{}', now(), now()
         from ${series}
         cross join (values ('p'), ('u')) as v(kind)
         join services s on s.idx = i % ?::int
        where (v.kind = 'p' and i % 4 = 0) or (v.kind = 'u' and i % 8 = 0)
       on conflict (id) do nothing`,
      [JSON.stringify(services), services.length]
    )
    // An invoice for each past visit, due 30 days after it: most paid, one in five still owed
    // (a few part paid) for visits in the last 120 days, so about 1.5% of customers are overdue
    // and some more owe money not yet due. Only the header the directory reads; no lines.
    await db.raw(
      `insert into invoice (id, number, status, customer_id, booking_id, currency_code, issued_at, due_at, due_rule, terms_days,
                            bill_to, seller, subtotal, tax_total, total, paid_total, raw_subtotal, raw_tax_total, raw_total, raw_paid_total,
                            created_at, updated_at)
       select ${id("inv")}, 'INV-CRM-' || lpad(i::text, 7, '0'), v.status, ${id("cus")}, ${id("bkg")} || 'p', 'gbp',
              v.issued_at, v.issued_at + interval '30 days', 'company', 30,
              jsonb_build_object('name', ${first} || ' ' || ${last}), '{}'::jsonb, 80, 16, 96, v.paid,
              '{"value":"80","precision":20}', '{"value":"16","precision":20}', '{"value":"96","precision":20}',
              jsonb_build_object('value', v.paid::text, 'precision', 20), v.issued_at, v.issued_at
         from ${series}
         cross join lateral (
           select date_trunc('day', now()) - (1 + i % 400) * interval '1 day' + interval '11 hours' as issued_at,
                  case when (1 + i % 400) > 120 or (i % 20 <> 0 and i % 52 <> 0) then 'paid'
                       when i % 20 = 0 then 'issued' else 'partially_paid' end as status
         ) d
         cross join lateral (select d.issued_at, d.status, case d.status when 'paid' then 96 when 'partially_paid' then 40 else 0 end as paid) v
        where i % 4 = 0
       on conflict (id) do nothing`
    )
    logger.info(`CRM scale data: customers ${from.toLocaleString("en-GB")}–${to.toLocaleString("en-GB")} written`)
  }

  // Statistics first: the directory's rebuild joins these tables, and without them (autovacuum off,
  // or not yet run after a million inserts) the planner picks plans that take hours.
  await db.raw(
    `analyze customer; analyze customer_address; analyze customer_profile; analyze ${PROFILE_LINK_TABLE}; ` +
      "analyze customer_contact_method; analyze business_profile; analyze custom_field_value; analyze booking; analyze invoice"
  )
  const directory = container.resolve("customer_directory") as { refreshAllEntries: (batch?: number) => Promise<number> }
  const rows = await directory.refreshAllEntries(20_000)
  // Vacuumed as well: the visibility map lets capped counts read only the indexes, as they do once autovacuum has been by.
  await db.raw("vacuum analyze customer_directory_entry")
  logger.info(
    `CRM scale data: ${total.toLocaleString("en-GB")} customers, ${rows.toLocaleString("en-GB")} directory rows, in ${((Date.now() - started) / 1000).toFixed(1)} s`
  )
}
