import { Section, Text } from "@react-email/components"
import { formatMoney, type BookingPrice } from "@fieldservice/contract"
import { ActionButton, FallbackLink, Greeting, Layout } from "./layout"
import { defineTemplate } from "./template"

export type BookingDetails = {
  booking_number: string
  service_title: string
  option_title?: string
  /** "Tuesday 25 November 2026, arriving between 10:00 and 12:00" in the business's time zone. */
  when_text: string
  location_text: string
  instructions?: string
}

export function Details({ booking_number, service_title, option_title, when_text, location_text, instructions }: BookingDetails) {
  const rows: [string, string | undefined][] = [
    ["Booking number", booking_number],
    ["Service", option_title ? `${service_title} (${option_title})` : service_title],
    ["When", when_text],
    ["Where", location_text],
    ["Instructions", instructions],
  ]
  return (
    <Section style={{ margin: "0 0 16px" }}>
      {rows
        .filter(([, value]) => value)
        .map(([label, value]) => (
          <Text key={label} style={{ margin: "0 0 4px" }}>
            <strong>{label}:</strong> {value}
          </Text>
        ))}
    </Section>
  )
}

/** The order's lines, tax and total, written as the portal writes them, and (to the customer) when it is paid. */
export function PriceRows({ price, due }: { price: BookingPrice; due?: string }) {
  const money = (amount: number) => formatMoney(amount, price.currency_code)
  const rows: [string, string][] = [
    ...price.lines.map((line): [string, string] => [line.quantity > 1 ? `${line.quantity} × ${line.title}` : line.title, money(line.total)]),
    ...(price.discount_total > 0 ? [["Discount", `−${money(price.discount_total)}`] as [string, string]] : []),
    ["Tax", money(price.tax_total)],
  ]
  return (
    <Section style={{ margin: "0 0 16px" }}>
      {rows.map(([label, amount], index) => (
        <Text key={index} style={{ margin: "0 0 4px" }}>
          {label}: {amount}
        </Text>
      ))}
      <Text style={{ margin: "0 0 4px" }}>
        <strong>Total: {money(price.total)}</strong>
      </Text>
      {due ? <Text style={{ margin: "0 0 4px" }}>{due}</Text> : null}
    </Section>
  )
}

/** The price parts of the "booking placed" emails: left out for a booking without an order. */
export type PriceFields = { price?: BookingPrice; price_due?: string }
const priceFields = { price: "optional-price", price_due: "optional-string" } as const

export const detailFields = {
  booking_number: "string",
  service_title: "string",
  option_title: "optional-string",
  when_text: "string",
  location_text: "string",
  instructions: "optional-string",
} as const

export type BookingConfirmationData = BookingDetails & PriceFields & { first_name?: string; booking_url: string }

export function BookingConfirmationEmail({
  businessName,
  first_name,
  booking_url,
  price,
  price_due,
  ...details
}: BookingConfirmationData & { businessName: string }) {
  return (
    <Layout businessName={businessName} preview={`Your booking ${details.booking_number} is confirmed`}>
      <Greeting firstName={first_name} />
      <Text>{`Thank you for booking with ${businessName}. Here are the details of your visit:`}</Text>
      <Details {...details} />
      {price ? <PriceRows price={price} due={price_due} /> : null}
      <ActionButton href={booking_url}>View your booking</ActionButton>
      <Text>You can reschedule, cancel or add notes and photos from your booking page.</Text>
      <FallbackLink href={booking_url} />
    </Layout>
  )
}

export const bookingConfirmation = defineTemplate<BookingConfirmationData>({
  id: "booking-confirmation",
  subject: (businessName, data) => `Booking ${data.booking_number} confirmed: ${data.service_title} with ${businessName}`,
  fields: { ...detailFields, ...priceFields, first_name: "optional-string", booking_url: "url" },
  Component: BookingConfirmationEmail,
})

export type BookingReceivedData = BookingDetails & Pick<PriceFields, "price"> & { customer_name: string; customer_email: string; customer_phone?: string }

/** To the office: a customer booked through the portal. */
export function BookingReceivedEmail({
  businessName,
  customer_name,
  customer_email,
  customer_phone,
  price,
  ...details
}: BookingReceivedData & { businessName: string }) {
  return (
    <Layout businessName={businessName} preview={`New portal booking ${details.booking_number} from ${customer_name}`}>
      <Text>{`${customer_name} booked through the ${businessName} customer portal.`}</Text>
      <Details {...details} />
      {price ? <PriceRows price={price} /> : null}
      <Text style={{ margin: "0 0 4px" }}>
        <strong>Customer:</strong> {customer_name}, {customer_email}
        {customer_phone ? `, ${customer_phone}` : ""}
      </Text>
    </Layout>
  )
}

export const bookingReceived = defineTemplate<BookingReceivedData>({
  id: "booking-received",
  subject: (_businessName, data) => `New portal booking ${data.booking_number}: ${data.service_title}, ${data.when_text}`,
  fields: { ...detailFields, price: priceFields.price, customer_name: "string", customer_email: "string", customer_phone: "optional-string" },
  Component: BookingReceivedEmail,
})
