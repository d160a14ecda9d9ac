import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { BOOKING_STATUS_CHANGED } from "../workflows/booking/admin-booking-record"
import { rewardReferrerWorkflow } from "../workflows/referrals/reward-referrer"

type StatusChange = { id: string; to: string; undo?: boolean }

/** A visit completed: if it is a referred friend's first, whoever invited them gets their reward (once). */
export default async function rewardReferrer({ event: { data }, container }: SubscriberArgs<StatusChange>) {
  if (data.to !== "completed" || data.undo) return
  await rewardReferrerWorkflow(container).run({ input: { booking_id: data.id } })
}

export const config: SubscriberConfig = { event: BOOKING_STATUS_CHANGED }
