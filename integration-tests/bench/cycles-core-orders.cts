// Run by `npm run bench:cycles` with `medusa exec`: Medusa core's own figure beside the billing
// run, BENCH_CYCLES_CORE_ORDERS orders made one after another through createOrderWorkflow (a
// write of comparable size per customer: a document with lines and totals; BENCH_CYCLES_CORE_LINES
// lines each, 4 for an invoice's visits, 1 for a repeat visit's booking), timed in-process.
import { performance } from "node:perf_hooks"
import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createOrderWorkflow } from "@medusajs/medusa/core-flows"

export default async function coreOrders({ container }: ExecArgs) {
  const count = Number(process.env.BENCH_CYCLES_CORE_ORDERS ?? 200)
  const lines = Number(process.env.BENCH_CYCLES_CORE_LINES ?? 4)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: regions } = await query.graph({ entity: "region", fields: ["id", "currency_code"] })
  const { data: channels } = await query.graph({ entity: "sales_channel", fields: ["id"] })
  const region = regions[0] as { id: string; currency_code: string }
  const started = performance.now()
  for (let i = 0; i < count; i++) {
    await createOrderWorkflow(container).run({
      input: {
        region_id: region.id,
        currency_code: region.currency_code,
        sales_channel_id: (channels[0] as { id: string } | undefined)?.id,
        email: `core-order-${i}@bench.example`,
        items: Array.from({ length: lines }, (_, n) => ({ title: `Visit ${n + 1}`, quantity: 1, unit_price: 60 })),
      },
    })
  }
  console.log(`CORE_ORDERS_RESULT ${JSON.stringify({ orders: count, lines, ms: Math.round(performance.now() - started) })}`)
}
