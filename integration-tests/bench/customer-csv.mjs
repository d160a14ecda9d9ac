// Realistic customer CSV files for the import benchmark: names, unique emails, UK phone numbers,
// addresses, tags, extra contacts, a few business customers, notes and values for the customer
// custom fields that exist (valid for each field's type). Written to disk a line at a time.
import { createWriteStream } from "node:fs"
import { once } from "node:events"

const FIRST = [
  "Olivia",
  "Amelia",
  "Isla",
  "Ava",
  "Mia",
  "Noah",
  "Oliver",
  "George",
  "Arthur",
  "Muhammad",
  "Leo",
  "Harry",
  "Sophia",
  "Grace",
  "Freya",
  "Jack",
  "Oscar",
  "Charlie",
  "Priya",
  "Wei",
  "Aisha",
  "Tomasz",
  "Zoë",
  "Siobhán",
  "José",
]
const LAST = [
  "Smith",
  "Jones",
  "Taylor",
  "Brown",
  "Williams",
  "Wilson",
  "Johnson",
  "Davies",
  "Patel",
  "Wright",
  "Khan",
  "O'Brien",
  "Evans",
  "Thomas",
  "Roberts",
  "Nowak",
  "Nguyen",
  "Murphy",
  "García",
  "Okafor",
]
const STREETS = [
  "High Street",
  "Station Road",
  "Church Lane",
  "Victoria Road",
  "Green Lane",
  "Manor Road",
  "Park Avenue",
  "Mill Lane",
  "The Crescent",
  "Kings Road",
]
const CITIES = [
  ["London", "SW1A 1AA"],
  ["Leeds", "LS1 4DY"],
  ["Bristol", "BS1 5TR"],
  ["Manchester", "M1 1AE"],
  ["Glasgow", "G1 1XQ"],
  ["Cardiff", "CF10 1EP"],
  ["York", "YO1 7HH"],
  ["Brighton", "BN1 1UG"],
]
const TAGS = ["VIP", "Weekly clean", "Fortnightly", "Commercial", "Key holder", "Pets", "Late payer", "Referral", "Spring promo", "Gutter clean"]
const NOTES = ["Gate code 4471; dog is friendly", "Prefers morning visits", "Park on the drive", "Call before arriving, baby sleeps 1-3pm", "Side door only"]

const cell = (value) => {
  const text = String(value ?? "")
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** A value for a custom field definition (from GET /admin/custom-fields), valid for its type. */
function customValue(field, i) {
  if (i % 3 === 2) return ""
  switch (field.type) {
    case "number": {
      const min = field.config?.min ?? 0
      const max = field.config?.max ?? min + 100
      return String(min + (i % Math.max(1, Math.floor(max - min) + 1)))
    }
    case "date":
      return `20${10 + (i % 15)}-0${1 + (i % 9)}-1${i % 9}`
    case "dropdown":
      return field.config.options[i % field.config.options.length]
    case "boolean":
      return i % 2 ? "yes" : "no"
    default:
      return `${field.label} ${i}`
  }
}

export const CSV_COLUMNS = [
  "email",
  "first_name",
  "last_name",
  "phone",
  "company_name",
  "kind",
  "status",
  "tags",
  "additional_emails",
  "additional_phones",
  "address_1",
  "address_2",
  "city",
  "province",
  "postal_code",
  "country_code",
  "business_name",
  "business_billing_email",
  "business_tax_id",
  "internal_notes",
  "marketing_emails",
  "reminder_emails",
  "payment_terms_days",
  "tax_exempt",
]

/** One customer row (as cells) with index `i`, unique by `prefix` + `i`. */
export function customerCells(i, prefix, customFields = []) {
  const first = FIRST[i % FIRST.length]
  const last = LAST[(i * 7) % LAST.length]
  const [city, postcode] = CITIES[i % CITIES.length]
  const business = i % 20 === 0
  const tags = [TAGS[i % TAGS.length], ...(i % 3 === 0 ? [TAGS[(i * 3 + 1) % TAGS.length]] : [])]
  const email = `${first}.${last}.${prefix}${i}@example.com`.toLowerCase().replace(/[^a-z0-9.@]/g, "")
  return [
    email,
    first,
    last,
    `+44 7700 ${String(100000 + (i % 900000)).slice(0, 3)} ${String(i % 1000).padStart(3, "0")}`,
    business ? `${last} Holdings` : "",
    business ? "business" : "personal",
    i % 50 === 0 ? "archived" : "active",
    tags.join(";"),
    i % 4 === 0 ? `${prefix}${i}.work@example.org` : "",
    i % 5 === 0 ? `020 7946 ${String(i % 10000).padStart(4, "0")}` : "",
    `${1 + (i % 200)} ${STREETS[i % STREETS.length]}`,
    i % 7 === 0 ? `Flat ${1 + (i % 12)}` : "",
    city,
    "",
    postcode,
    "GB",
    business ? `${last} Holdings Ltd` : "",
    business ? `accounts.${prefix}${i}@example.com` : "",
    business ? `GB${String(100000000 + i).slice(0, 9)}` : "",
    i % 6 === 0 ? NOTES[i % NOTES.length] : "",
    i % 3 === 0 ? "yes" : "no",
    "yes",
    business ? "30" : "",
    "no",
    ...customFields.map((field) => customValue(field, i)),
  ]
}

/** Writes a CSV of `rows` customers to `file`; returns its size in bytes. */
export async function writeCustomerCsv(file, rows, { prefix = "bench", customFields = [] } = {}) {
  const out = createWriteStream(file)
  const write = async (cells) => {
    if (!out.write(cells.map(cell).join(",") + "\r\n")) await once(out, "drain")
  }
  await write([...CSV_COLUMNS, ...customFields.map((field) => `custom.${field.key}`)])
  for (let i = 1; i <= rows; i++) await write(customerCells(i, prefix, customFields))
  out.end()
  await once(out, "finish")
  return out.bytesWritten
}
