import { formatMoney, priceDueText, type BookingPrice } from "@fieldservice/contract"

/** The visit's lines, tax and total, as its order computed them. */
export function PriceSummary({ price, due }: { price: BookingPrice; due: string }) {
  const money = (amount: number) => formatMoney(amount, price.currency_code)
  return (
    <section aria-labelledby="price-heading" className="booking-section" data-testid="booking-price">
      <h2 id="price-heading">Price</h2>
      <table className="price-table">
        <tbody>
          {price.lines.map((line, index) => (
            <tr key={index} data-testid="price-line">
              <th scope="row">{line.quantity > 1 ? `${line.quantity} × ${line.title}` : line.title}</th>
              <td>{money(line.total)}</td>
            </tr>
          ))}
          {price.discount_total > 0 ? (
            <tr>
              <th scope="row">Discount</th>
              <td>−{money(price.discount_total)}</td>
            </tr>
          ) : null}
          <tr data-testid="price-tax">
            <th scope="row">Tax</th>
            <td>{money(price.tax_total)}</td>
          </tr>
          <tr className="price-table__total" data-testid="price-total">
            <th scope="row">Total</th>
            <td>{money(price.total)}</td>
          </tr>
          {price.paid_before ? (
            <tr data-testid="price-paid-before">
              <th scope="row">Deposit paid</th>
              <td>−{money(price.paid_before)}</td>
            </tr>
          ) : null}
          {price.gift_voucher ? (
            <tr data-testid="price-gift-voucher">
              <th scope="row">Gift voucher</th>
              <td>−{money(price.gift_voucher)}</td>
            </tr>
          ) : null}
          {price.store_credit ? (
            <tr data-testid="price-store-credit">
              <th scope="row">Store credit</th>
              <td>−{money(price.store_credit)}</td>
            </tr>
          ) : null}
          {price.paid_before || price.gift_voucher || price.store_credit ? (
            <tr className="price-table__total" data-testid="price-left">
              <th scope="row">Left to pay</th>
              <td>{money(leftToPay(price))}</td>
            </tr>
          ) : null}
        </tbody>
      </table>
      <p className="muted" data-testid="price-due">
        {(price.gift_voucher || price.store_credit) && leftToPay(price) <= 0 ? "Nothing more to pay: your gift voucher or store credit covers it." : due}
      </p>
    </section>
  )
}

/** The total less a quote's deposit and a gift voucher, in whole pence. */
export const leftToPay = (price: BookingPrice) =>
  Math.round((price.total - (price.paid_before ?? 0) - (price.gift_voucher ?? 0) - (price.store_credit ?? 0)) * 100) / 100

/** When the total is paid: on the saved card after the visit, or on the day (the emails say the same). */
export const dueText = priceDueText
