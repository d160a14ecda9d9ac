import { writeCustomerCsv } from "/work/wt-import/integration-tests/bench/customer-csv.mjs"
import { readFileSync, statSync } from "node:fs"
const base = "http://127.0.0.1:9123"
const token = readFileSync("/tmp/tok", "utf8").trim()
const rows = Number(process.argv[2] || 10000)
const fields = (await (await fetch(`${base}/admin/custom-fields?target_type=customer`, { headers: { authorization: `Bearer ${token}` } })).json()).custom_fields
const prefix = "q" + Date.now().toString(36)
const file = `/tmp/quick-${rows}.csv`
await writeCustomerCsv(file, rows, { prefix, customFields: fields })
console.log("size", statSync(file).size)
const form = new FormData()
form.append("file", new Blob([readFileSync(file)], { type: "text/csv" }), "quick.csv")
form.append("update_existing", process.env.UPDATE ? "true" : "false")
const t0 = Date.now()
const started = await (await fetch(`${base}/admin/crm/imports`, { method: "POST", body: form, headers: { authorization: `Bearer ${token}` } })).json()
console.log("upload", Date.now() - t0, "ms", JSON.stringify(started).slice(0, 200))
for (;;) {
  await new Promise((r) => setTimeout(r, 1000))
  const { import: job } = await (await fetch(`${base}/admin/crm/imports/${started.import.id}`, { headers: { authorization: `Bearer ${token}` } })).json()
  console.log(((Date.now() - t0) / 1000).toFixed(1), job.status, job.processed_rows, job.created_count, job.rejected_count)
  if (job.status !== "processing") { console.log(JSON.stringify(job)); break }
}
