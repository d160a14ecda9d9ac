import { randomUUID } from "node:crypto"
import fc from "fast-check"
import { TINY_PNG } from "./api"

/**
 * Generators of bad requests (fast-check arbitraries). Each request carries at least one defect
 * that the route must refuse, so a generated request is never a valid one: a route that answers
 * it with 2xx has accepted bad input. Noise (emoji, unicode, SQL and HTML metacharacters) goes
 * into the other fields, to show nothing of it gets through either.
 */

export type BadRequest = {
  /** What is wrong with it, e.g. "wrong type for name". */
  defect: string
  /** The path parameters to use instead of the real ones ("bad ids"). */
  params?: Record<string, string>
  query?: string
  contentType?: string
  body?: Buffer
  headers?: Record<string, string>
}

/** What a write route takes. */
export type BodySpec =
  /** A JSON object; `sample` is a valid body (never sent as it is), `required` the fields it can't do without. */
  | { kind: "json"; sample: Record<string, unknown>; required?: string[]; open?: true; multipart?: true }
  /** Nothing: any field sent is an unknown one. */
  | { kind: "none" }
  /** One file in the multipart "file" field. */
  | { kind: "upload" }
  /** The customer import: a CSV file in "file", plus `update_existing`. */
  | { kind: "csv" }
  /** Stripe's webhook: a signed event. */
  | { kind: "stripe" }

const SQL_AND_HTML = [
  "Robert'); DROP TABLE customer;--",
  "' OR '1'='1",
  "1; SELECT pg_sleep(5)",
  "%_\\",
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  '"><svg onload=alert(1)>',
  "${7*7}{{7*7}}",
  "../../../etc/passwd",
  "$where",
]
const UNICODE = ["😀👍🏽🇬🇧", "👩‍👩‍👧‍👦", "Zoë Ångström", "مرحبا", "日本語テキスト", "\u202Egnp.exe", "\uFEFF", "Ω≈ç√∫", "\uD83D", "e\u0301"]

/** Valid-looking text that a careless route could mishandle. */
export const noise = fc.oneof(
  fc.constantFrom(...SQL_AND_HTML, ...UNICODE),
  fc.string({ maxLength: 40, unit: "grapheme" }),
  fc.string({ maxLength: 20, unit: "binary" })
)

/** Keys no route takes: prototype names, mass-assignment attempts, odd text. */
const unknownKey = fc.oneof(
  fc.constantFrom("__proto__", "constructor", "prototype", "id", "customer_id", "deleted_at", "created_at", "is_admin", "$where", "toString"),
  noise.filter((key) => key.length > 0).map((key) => `x_${key}`)
)

/** Any JSON value. */
const anyValue = fc.oneof(
  noise,
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
  fc.array(noise, { maxLength: 3 }),
  fc.dictionary(noise, noise, { maxKeys: 3 })
)

const nested = (depth: number, leaf: unknown) => {
  let value: unknown = leaf
  for (let level = 0; level < depth; level++) value = level % 2 ? [value] : { a: value }
  return value
}

/** A value of another JSON type than `value` (never null: some fields take null). */
function wrongTypeFor(value: unknown) {
  const kind = Array.isArray(value) ? "array" : value === null ? "null" : typeof value
  const options: fc.Arbitrary<unknown>[] = []
  if (kind !== "string") options.push(noise.filter((text) => text.length > 0))
  if (kind !== "number") options.push(fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true })))
  if (kind !== "boolean") options.push(fc.boolean())
  if (kind !== "array") options.push(fc.array(anyValue, { maxLength: 3 }))
  if (kind !== "object") options.push(fc.dictionary(noise, anyValue, { minKeys: 1, maxKeys: 3 }))
  return fc.oneof(...options)
}

const OUT_OF_RANGE = [1e16, -1e16, 2 ** 53, 1e300, -1e300, 2147483648, -2147483649, -1]

/** JSON text with keys defined as own properties ("__proto__" included). */
function jsonText(body: Record<string, unknown>) {
  return JSON.stringify(body)
}

function withKey(body: Record<string, unknown>, key: string, value: unknown) {
  const copy: Record<string, unknown> = {}
  for (const [name, item] of Object.entries(body)) Object.defineProperty(copy, name, { value: item, enumerable: true, writable: true, configurable: true })
  Object.defineProperty(copy, key, { value, enumerable: true, writable: true, configurable: true })
  return copy
}

const json = (value: unknown) => ({ contentType: "application/json", body: Buffer.from(typeof value === "string" ? value : JSON.stringify(value)) })

/** The sample with its other string fields swapped for noise now and then. */
function noisy(sample: Record<string, unknown>, keep: string) {
  return fc.array(fc.tuple(fc.boolean(), noise), { minLength: Object.keys(sample).length, maxLength: Object.keys(sample).length }).map((choices) => {
    const copy = { ...sample }
    Object.keys(sample).forEach((key, index) => {
      if (key !== keep && typeof sample[key] === "string" && choices[index][0]) copy[key] = choices[index][1]
    })
    return copy
  })
}

/** Bodies in another content type than JSON (the fields themselves fine); `multipart`: the route takes a form too (a message with files). */
function otherContentType(sample: Record<string, unknown>, takesForms = false) {
  const form = new URLSearchParams(Object.entries(sample).map(([key, value]) => [key, typeof value === "string" ? value : JSON.stringify(value)])).toString()
  const boundary = `----bad-${randomUUID()}`
  const multipart = Buffer.from(
    Object.entries(sample)
      .map(
        ([key, value]) =>
          `--${boundary}\r\nContent-Disposition: form-data; name="${key}"\r\n\r\n${typeof value === "string" ? value : JSON.stringify(value)}\r\n`
      )
      .join("") + `--${boundary}--\r\n`
  )
  const requests: BadRequest[] = [
    { defect: "form post instead of JSON", contentType: "application/x-www-form-urlencoded", body: Buffer.from(form || "a=1") },
    { defect: "plain text instead of JSON", contentType: "text/plain", body: Buffer.from(JSON.stringify(sample)) },
    { defect: "XML instead of JSON", contentType: "application/xml", body: Buffer.from(`<body>${form}</body>`) },
    { defect: "multipart instead of JSON", contentType: `multipart/form-data; boundary=${boundary}`, body: multipart },
    { defect: "JSON without a content type", contentType: undefined, body: Buffer.from(JSON.stringify(sample)) },
    { defect: "JSON in an unknown charset", contentType: "application/json; charset=klingon", body: Buffer.from(JSON.stringify(sample)) },
  ]
  return fc.constantFrom<BadRequest>(...requests.filter((request) => !takesForms || request.defect !== "multipart instead of JSON"))
}

/** JSON that doesn't parse, or isn't an object. */
function brokenJson(sample: Record<string, unknown>) {
  const text = JSON.stringify(sample).length > 2 ? JSON.stringify(sample) : '{"name":"Zoë"}'
  return fc.oneof(
    fc.integer({ min: 1, max: text.length - 1 }).map((cut) => ({ defect: "body cut short", ...json(text.slice(0, cut)) })),
    fc
      .constantFrom("{", "{'name': 'single quotes'}", '{"a":1,}', "{a:1}", "NaN", "undefined", '{"a":"\\x41"}', "[", '{"a":1}{"b":2}')
      .map((raw) => ({ defect: `malformed JSON ${raw}`, ...json(raw) })),
    fc.constantFrom("[]", "[{}]", '"text"', "123", "null", "true").map((raw) => ({ defect: `JSON ${raw} instead of an object`, ...json(raw) }))
  )
}

/** Deep nesting, as a field's value or an unknown field. */
function deepNesting(sample: Record<string, unknown>) {
  const fields = Object.keys(sample)
  return fc.tuple(fc.integer({ min: 25, max: 3000 }), fields.length ? fc.constantFrom(...fields, "deep") : fc.constant("deep")).map(([depth, key]) => ({
    defect: `nested ${depth} levels deep in ${key}`,
    ...json(jsonText(withKey(sample, key, nested(depth, "bottom")))),
  }))
}

/** Bad requests for a JSON route: one defect each (and noise). */
export function badJsonRequests(spec: { sample: Record<string, unknown>; required?: string[]; open?: true; multipart?: true }): fc.Arbitrary<BadRequest> {
  const { sample } = spec
  const fields = Object.keys(sample)
  const strings = fields.filter((key) => typeof sample[key] === "string")
  const numbers = fields.filter((key) => typeof sample[key] === "number")
  const options: fc.Arbitrary<BadRequest>[] = [
    fc
      .tuple(unknownKey, anyValue)
      .chain(([key, value]) =>
        noisy(sample, "").map((body) => ({ defect: `unknown field ${JSON.stringify(key)}`, ...json(jsonText(withKey(body, key, value))) }))
      ),
    brokenJson(sample),
    otherContentType(sample, spec.multipart),
    deepNesting(sample),
  ]
  if (fields.length) {
    options.push(
      fc
        .constantFrom(...fields)
        .chain((key) =>
          fc
            .tuple(wrongTypeFor(sample[key]), noisy(sample, key))
            .map(([value, body]) => ({ defect: `wrong type for ${key}`, ...json(withKey(body, key, value)) }))
        )
    )
  }
  if (spec.required?.length) {
    options.push(
      fc.constantFrom(...spec.required).chain((key) =>
        noisy(sample, key).map((body) => {
          const { [key]: _gone, ...rest } = body
          return { defect: `missing ${key}`, ...json(rest) }
        })
      )
    )
  }
  if (strings.length) {
    options.push(
      fc.tuple(fc.constantFrom(...strings), noise, fc.integer({ min: 0, max: 10 })).map(([key, text, at]) => {
        const value = `${text.slice(0, at)}\u0000${text.slice(at)}`
        return { defect: `null character in ${key}`, ...json(withKey(sample, key, value)) }
      }),
      fc.tuple(fc.constantFrom(...strings), fc.integer({ min: 110_000, max: 300_000 }), fc.constantFrom("a", "é", "😀", "'")).map(([key, length, char]) => ({
        defect: `${length} characters in ${key}`,
        ...json(withKey(sample, key, char.repeat(Math.ceil(length / char.length)))),
      }))
    )
  }
  if (numbers.length) {
    options.push(
      fc
        .tuple(fc.constantFrom(...numbers), fc.constantFrom(...OUT_OF_RANGE))
        .map(([key, value]) => ({ defect: `${key} out of range (${value})`, ...json(withKey(sample, key, value)) }))
    )
  }
  return fc.oneof(...options)
}

/** Bad requests for a route that takes no body. */
export function badNoBodyRequests(): fc.Arbitrary<BadRequest> {
  return fc.oneof(
    fc.tuple(unknownKey, anyValue).map(([key, value]) => ({ defect: `unknown field ${JSON.stringify(key)}`, ...json(jsonText(withKey({}, key, value))) })),
    brokenJson({}),
    otherContentType({ note: "hello" }),
    deepNesting({})
  )
}

const boundaryOf = () => `----bad-${randomUUID()}`

function multipart(parts: { name: string; filename?: string; type?: string; data: Buffer }[], boundary = boundaryOf(), cut?: number) {
  const body = Buffer.concat([
    ...parts.map((part) =>
      Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"${part.filename !== undefined ? `; filename="${part.filename}"` : ""}\r\n` +
            (part.type ? `Content-Type: ${part.type}\r\n` : "") +
            "\r\n"
        ),
        part.data,
        Buffer.from("\r\n"),
      ])
    ),
    Buffer.from(`--${boundary}--\r\n`),
  ])
  return { contentType: `multipart/form-data; boundary=${boundary}`, body: cut === undefined ? body : body.subarray(0, cut) }
}

/** Bytes that are not a photo or a PDF, whatever they are called. */
const notAFile = fc.oneof(
  fc
    .constantFrom(
      "<html><script>alert(1)</script></html>",
      '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
      "GIF89a fake",
      "name,email\nZoë,zoe@example.test",
      "😀 not a picture"
    )
    .map((text) => Buffer.from(text)),
  fc.uint8Array({ minLength: 1, maxLength: 2000 }).map((bytes) => Buffer.concat([Buffer.from("x"), Buffer.from(bytes)]))
)
const filename = fc.oneof(
  fc.constantFrom("photo.png", "../../etc/passwd.png", "😀.jpg", "a\u0000b.png", "x".repeat(5000) + ".png", "<script>.png", "C:\\evil.pdf"),
  noise.map((name) => `${name}.png`)
)

/** Bad uploads: never a valid file in the "file" field alone. */
export function badUploadRequests(): fc.Arbitrary<BadRequest> {
  const png = TINY_PNG
  return fc.oneof(
    fc.tuple(notAFile, filename, fc.constantFrom("image/png", "image/jpeg", "application/pdf", "text/html")).map(([data, name, type]) => ({
      defect: `not a photo or PDF (${name.slice(0, 40)})`,
      ...multipart([{ name: "file", filename: name, type, data }]),
    })),
    fc
      .constantFrom("photo", "upload", "files", "__proto__", "😀")
      .map((field) => ({ defect: `file in the "${field}" field`, ...multipart([{ name: field, filename: "a.png", type: "image/png", data: png }]) })),
    fc.constant({
      defect: "two files",
      ...multipart([
        { name: "file", filename: "a.png", type: "image/png", data: png },
        { name: "file", filename: "b.png", type: "image/png", data: png },
      ]),
    }),
    fc.tuple(noise, noise).map(([name, value]) => ({ defect: "no file, only a text field", ...multipart([{ name: `x${name}`, data: Buffer.from(value) }]) })),
    fc.integer({ min: 10, max: 150 }).map((cut) => ({
      defect: "multipart body cut short",
      ...multipart([{ name: "file", filename: "a.png", type: "image/png", data: png }], undefined, cut),
    })),
    fc.constant({
      defect: "multipart with a wrong boundary",
      contentType: "multipart/form-data; boundary=nothing-like-it",
      body: multipart([{ name: "file", filename: "a.png", type: "image/png", data: png }]).body,
    }),
    fc.constant({ defect: "multipart without a boundary", contentType: "multipart/form-data", body: Buffer.from("--x\r\n\r\n") }),
    fc.constantFrom(
      { defect: "JSON instead of a file", ...json({ file: png.toString("base64") }) },
      { defect: "plain text instead of a file", contentType: "text/plain", body: Buffer.from("hello") },
      { defect: "raw PNG bytes instead of multipart", contentType: "image/png", body: png },
      { defect: "no body", contentType: undefined, body: undefined }
    )
  )
}

/** Bad CSV imports: files the import must refuse at upload, and broken uploads. */
export function badCsvRequests(): fc.Arbitrary<BadRequest> {
  const csv = (text: string | Buffer, extra: { name: string; data: Buffer }[] = []) =>
    multipart([{ name: "file", filename: "customers.csv", type: "text/csv", data: Buffer.isBuffer(text) ? text : Buffer.from(text) }, ...extra])
  return fc.oneof(
    fc.tuple(noise, noise).map(([a, b]) => ({ defect: "no email column", ...csv(`first_name,last_name\n${JSON.stringify(a)},${JSON.stringify(b)}\n`) })),
    fc
      .tuple(noise.filter((t) => t.trim().length > 0 && !/[",\r\n]/.test(t)))
      .map(([column]) => ({ defect: `unknown column ${column}`, ...csv(`email,zz_${column}\nnobody@example.test,1\n`) })),
    fc.constant({ defect: "empty file", ...csv("") }),
    fc.constant({ defect: "only a header", ...csv("email,first_name\n") }),
    fc.constant({ defect: "not UTF-8", ...csv(Buffer.from([0x65, 0x6d, 0x61, 0x69, 0x6c, 0x0a, 0xe9, 0xe8, 0xff, 0x0a])) }),
    fc.constant({ defect: "repeated column", ...csv("email,email\na@example.test,b@example.test\n") }),
    fc.constant({ defect: "unclosed quote in the header", ...csv('email,"first_name\nx@example.test,Zoë\n') }),
    fc
      .constantFrom("maybe", "😀", "2")
      .map((word) => ({ defect: `update_existing=${word}`, ...csv("email\nnot-an-email\n", [{ name: "update_existing", data: Buffer.from(word) }]) })),
    fc.integer({ min: 10, max: 120 }).map((cut) => ({
      defect: "upload cut short",
      ...multipart([{ name: "file", filename: "c.csv", type: "text/csv", data: Buffer.from("email\nx@example.test\n") }], undefined, cut),
    })),
    fc.constantFrom(
      { defect: "JSON instead of a file", ...json({ file: "email\n" }) },
      { defect: "plain text instead of multipart", contentType: "text/csv", body: Buffer.from("email\nx@example.test\n") },
      { defect: "no body", contentType: undefined, body: undefined }
    )
  )
}

/** Bad Stripe events: unsigned, wrongly signed, or not events. */
export function badStripeRequests(): fc.Arbitrary<BadRequest> {
  const event = { id: "evt_fuzz", type: "payment_intent.succeeded", data: { object: { id: "pi_fuzz" } } }
  return fc.oneof(
    fc.constant({ defect: "no Stripe-Signature", ...json(event) }),
    noise.map((signature) => ({
      defect: "a made-up Stripe-Signature",
      ...json(event),
      headers: { "stripe-signature": `t=1,v1=${Buffer.from(signature).toString("hex")}` },
    })),
    brokenJson(event),
    otherContentType(event)
  )
}

/** Path parameter values no record has: odd text, very long, encoded null characters and slashes. */
export const badId = fc
  .oneof(
    fc.constantFrom(...SQL_AND_HTML, ...UNICODE.filter((text) => !/^[\uD800-\uDFFF]$/.test(text))),
    fc.constantFrom("0", "-1", "1e999", "null", "undefined", "[object Object]", "cus_" + "0".repeat(26), "%", "a/b", "a\u0000b", "\u0000"),
    fc.integer({ min: 300, max: 6000 }).map((length) => "x".repeat(length)),
    fc.string({ minLength: 1, maxLength: 30, unit: "grapheme" })
  )
  .filter((text) => text.length > 0 && text !== "." && text !== "..")

/** Bad query values for routes whose DELETE takes `?confirm=true`. */
export const badConfirm = fc
  .constantFrom("maybe", "TRUE", "1", "yes", "😀", "confirm[]=true")
  .map((value) => (value.includes("=") ? value : `confirm=${encodeURIComponent(value)}`))
