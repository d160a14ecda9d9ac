import { apiDownload, apiFetch } from "~/lib/api/api.server"
import type { StoreStatementResponse } from "@fieldservice/contract"

export type StatementPeriod = { from?: string; to?: string }

const query = (period: StatementPeriod): Record<string, string> => ({ ...(period.from ? { from: period.from } : {}), ...(period.to ? { to: period.to } : {}) })

/** The signed-in customer's own account statement (by default the last 12 months to today). */
export async function getMyStatement(token: string, period: StatementPeriod): Promise<StoreStatementResponse["statement"]> {
  const { statement } = await apiFetch<StoreStatementResponse>("/store/customers/me/statement", { token, query: query(period) })
  return statement
}

/** The statement's PDF; the backend's answer as it is. */
export function downloadMyStatement(token: string, period: StatementPeriod): Promise<Response> {
  return apiDownload("/store/customers/me/statement/pdf", token, query(period))
}
