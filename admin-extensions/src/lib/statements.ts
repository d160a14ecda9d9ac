// A customer's account statement for staff, from /admin/customers/:id/statement (JSON, PDF, email).

import { useMutation, useQuery } from "@tanstack/react-query"
import type { AdminEmailStatementResponse, AdminStatementResponse } from "@fieldservice/contract"
import { sdk } from "./sdk"

export type StatementPeriod = { from?: string; to?: string }

const query = (period: StatementPeriod) => {
  const params = new URLSearchParams()
  if (period.from) params.set("from", period.from)
  if (period.to) params.set("to", period.to)
  const text = params.toString()
  return text ? `?${text}` : ""
}

export const statementPage = (customerId: string) => `/statements/${customerId}`

/** The PDF: a plain link works with the staff member's session (download, print, new tab). */
export const statementPdfUrl = (customerId: string, period: StatementPeriod) => `/admin/customers/${customerId}/statement/pdf${query(period)}`

export function useStatement(customerId: string, period: StatementPeriod) {
  return useQuery({
    queryKey: ["customer-statement", customerId, period.from ?? "", period.to ?? ""],
    queryFn: () => sdk.client.fetch<AdminStatementResponse>(`/admin/customers/${customerId}/statement${query(period)}`),
    enabled: !!customerId,
    retry: false,
  })
}

export function useEmailStatement(customerId: string) {
  return useMutation({
    mutationFn: (period: { from: string; to: string }) =>
      sdk.client.fetch<AdminEmailStatementResponse>(`/admin/customers/${customerId}/statement/email`, { method: "POST", body: period }),
  })
}

/** A statement's day (YYYY-MM-DD) in the staff member's language, without a time zone moving it. */
export const formatPeriodDay = (day: string, locale: string) =>
  new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" }).format(new Date(`${day}T12:00:00Z`))

/** An instant as the day it was in the business's time zone. */
export const formatStatementDate = (iso: string, locale: string, timeZone: string) =>
  new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone }).format(new Date(iso))
