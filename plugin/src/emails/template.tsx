import type { ReactElement } from "react"

/** How renderEmail checks one data field: a link, a positive number, optional text, or an optional price (BookingPrice). */
export type FieldKind = "url" | "count" | "string" | "optional-string" | "optional-price"

export type TemplateDefinition = {
  id: string
  subject: (businessName: string, data: Record<string, unknown>) => string
  fields: Record<string, FieldKind>
  element: (data: Record<string, unknown>, businessName: string) => ReactElement
}

/** Ties a component to its id, subject and data fields; `fields` must list every prop the template takes. */
export function defineTemplate<D extends object>(template: {
  id: string
  subject: (businessName: string, data: D) => string
  fields: { [K in keyof D]-?: FieldKind }
  Component: (props: D & { businessName: string }) => ReactElement
}): TemplateDefinition {
  const { Component, subject, ...rest } = template
  return {
    ...rest,
    subject: (businessName, data) => subject(businessName, data as D),
    element: (data, businessName) => <Component {...(data as D)} businessName={businessName} />,
  }
}
