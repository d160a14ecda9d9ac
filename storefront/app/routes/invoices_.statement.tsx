import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node"
import { json } from "@remix-run/node"
import { Form, Link, useLoaderData } from "@remix-run/react"
import {
  AGEING_BUCKET_LABELS,
  AGEING_BUCKETS,
  BUSINESS_LOCALE,
  fieldProblems,
  formatMoney,
  STATEMENT_ENTRY_LABELS,
  statementPeriod,
  type AccountStatement,
} from "@fieldservice/contract"

import { Field, FormAlert } from "~/components/field"
import { toProblem } from "~/lib/api/api.server"
import { getMyStatement } from "~/lib/api/statements.server"
import { pageTitle } from "~/lib/meta"
import { requireToken, signOutIfRefused } from "~/lib/session.server"

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "Account statement")

/** The period form's rules are the API's, in the customer's words. */
const PERIOD = statementPeriod({
  day: (field) => (field === "from" ? "Enter the first day as a date, like 2026-01-31." : "Enter the last day as a date, like 2026-12-31."),
  order: "The first day must be on or before the last day.",
  tooLong: "A statement can cover at most 10 years. Choose a later first day.",
})

export async function loader({ request }: LoaderFunctionArgs) {
  const token = await requireToken(request)
  const params = new URL(request.url).searchParams
  const asked = { from: params.get("from") || undefined, to: params.get("to") || undefined }
  const problems = fieldProblems<"from" | "to">(PERIOD, asked)
  if (problems.from || problems.to) return json({ statement: null, asked, problems, error: null as string | null }, { status: 400 })
  try {
    return json({ statement: await getMyStatement(token, asked), asked, problems, error: null as string | null })
  } catch (error) {
    const problem = toProblem(error)
    await signOutIfRefused(request, problem)
    return json({ statement: null, asked, problems, error: problem.message }, { status: problem.status })
  }
}

const periodDay = (day: string) =>
  new Intl.DateTimeFormat(BUSINESS_LOCALE, { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).format(new Date(`${day}T12:00:00Z`))
const entryDay = (iso: string, timeZone: string) =>
  new Intl.DateTimeFormat(BUSINESS_LOCALE, { day: "numeric", month: "short", year: "numeric", timeZone }).format(new Date(iso))

export default function Statement() {
  const { statement, asked, problems, error } = useLoaderData<typeof loader>()
  const period = statement?.period ?? asked
  return (
    <section className="statement" data-testid="statement">
      <h1>Account statement</h1>
      <p className="muted">Everything invoiced, credited, paid and refunded on your account over a period, and what is still owed.</p>
      <FormAlert message={error ?? (problems.from || problems.to ? "Check the dates of the period." : null)} />
      <Form method="get" className="statement__period" data-testid="statement-period">
        <Field name="from" label="From" type="date" defaultValue={period.from ?? ""} error={problems.from} />
        <Field name="to" label="To" type="date" defaultValue={period.to ?? ""} error={problems.to} />
        <button type="submit" className="button button--secondary">
          Show statement
        </button>
      </Form>
      {statement ? <StatementBody statement={statement} /> : null}
      <p>
        <Link to="/account">Back to my account</Link>
      </p>
    </section>
  )
}

function StatementBody({ statement }: { statement: AccountStatement }) {
  const money = (amount: number) => formatMoney(amount, statement.currency_code)
  const { period, ageing } = statement
  const pdf = `/invoices/statement/pdf?${new URLSearchParams(period).toString()}`
  return (
    <>
      <h2>
        {periodDay(period.from)} to {periodDay(period.to)}
      </h2>
      <dl className="statement__summary">
        <div>
          <dt>Opening balance</dt>
          <dd data-testid="statement-opening">{money(statement.opening_balance)}</dd>
        </div>
        <div>
          <dt>Closing balance</dt>
          <dd data-testid="statement-closing">
            <strong>{money(statement.closing_balance)}</strong>
          </dd>
        </div>
      </dl>
      <p>
        <a href={pdf} className="button button--secondary" data-testid="statement-pdf">
          Download PDF
        </a>
      </p>
      <table className="statement-table" data-testid="statement-entries">
        <caption className="visually-hidden">Entries</caption>
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">Details</th>
            <th scope="col">Charged</th>
            <th scope="col">Paid or credited</th>
            <th scope="col">Balance</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <td data-label="Date">{periodDay(period.from)}</td>
            <td data-label="Details">Balance brought forward</td>
            <td data-label="Charged" />
            <td data-label="Paid or credited" />
            <td data-label="Balance">{money(statement.opening_balance)}</td>
          </tr>
          {statement.entries.map((entry) => (
            <tr key={`${entry.kind}-${entry.id}`} data-testid="statement-entry" data-kind={entry.kind}>
              <td data-label="Date">{entryDay(entry.date, statement.time_zone)}</td>
              <td data-label="Details">
                {STATEMENT_ENTRY_LABELS[entry.kind]} {entry.reference}
                <span className="statement-table__detail">{entry.description}</span>
              </td>
              <td data-label="Charged">{entry.debit ? money(entry.debit) : ""}</td>
              <td data-label="Paid or credited">{entry.credit ? money(entry.credit) : ""}</td>
              <td data-label="Balance">{money(entry.balance)}</td>
            </tr>
          ))}
          <tr className="statement-table__total">
            <td data-label="Date">{periodDay(period.to)}</td>
            <td data-label="Details">Closing balance</td>
            <td data-label="Charged">{money(statement.total_debits)}</td>
            <td data-label="Paid or credited">{money(statement.total_credits)}</td>
            <td data-label="Balance">{money(statement.closing_balance)}</td>
          </tr>
        </tbody>
      </table>
      {statement.entries.length === 0 ? <p className="muted">Nothing was invoiced, credited, paid or refunded in this period.</p> : null}
      <h2>How old what you owe is</h2>
      <p className="muted">On {periodDay(ageing.as_of)}, by days past each invoice&rsquo;s due date.</p>
      <dl className="statement__ageing" data-testid="statement-ageing">
        {AGEING_BUCKETS.map((bucket) => (
          <div key={bucket}>
            <dt>{AGEING_BUCKET_LABELS[bucket]}</dt>
            <dd>{money(ageing[bucket])}</dd>
          </div>
        ))}
        <div>
          <dt>Total owed</dt>
          <dd>
            <strong>{money(ageing.total)}</strong>
          </dd>
        </div>
      </dl>
      {ageing.unapplied_credit > 0 ? <p>{money(ageing.unapplied_credit)} is credit on your account, to be set against your next invoice.</p> : null}
    </>
  )
}
