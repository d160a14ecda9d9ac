import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node"
import { json } from "@remix-run/node"
import { Link, useLoaderData } from "@remix-run/react"
import { complaintAge } from "@fieldservice/contract"

import { toProblem } from "~/lib/api/api.server"
import { listComplaints } from "~/lib/api/complaints.server"
import { categoryText, complaintStatusText } from "~/lib/complaints"
import { pageTitle } from "~/lib/meta"
import { requireToken, signOutIfRefused } from "~/lib/session.server"

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "Complaints")

type Row = { id: string; number: string; category: string; status: string; statusText: string; age: string; visit: string | null }

export async function loader({ request }: LoaderFunctionArgs) {
  const token = await requireToken(request)
  try {
    const complaints = await listComplaints(token)
    const rows: Row[] = complaints.map((complaint) => ({
      id: complaint.id,
      number: complaint.number,
      category: categoryText(complaint.category),
      status: complaint.status,
      statusText: complaintStatusText(complaint.status),
      age: complaintAge(complaint.created_at),
      visit: complaint.booking_number,
    }))
    return json({ error: null as string | null, complaints: rows })
  } catch (error) {
    const problem = toProblem(error)
    await signOutIfRefused(request, problem)
    return json({ error: problem.message, complaints: [] as Row[] }, { status: 503 })
  }
}

/** The customer's complaints, newest first: number, what about, status and how long ago. */
export default function Complaints() {
  const { error, complaints } = useLoaderData<typeof loader>()
  return (
    <section data-testid="complaints">
      <h1>Complaints</h1>
      <p>
        Something not right? Tell us and we will put it right.{" "}
        <Link to="/complaints/new" className="button button--secondary" data-testid="report-problem">
          Report a problem
        </Link>
      </p>
      {error ? (
        <p role="alert" className="alert">
          {error}
        </p>
      ) : complaints.length === 0 ? (
        <p data-testid="complaints-empty">You have not reported any problems.</p>
      ) : (
        <ul className="profile-list">
          {complaints.map((complaint) => (
            <li key={complaint.id} className="profile" data-testid="complaint">
              <h2 className="profile__name">
                <Link to={`/complaints/${encodeURIComponent(complaint.id)}`} data-testid="complaint-link">
                  {`Complaint ${complaint.number}`}
                </Link>{" "}
                <span className="badge" data-testid="complaint-status">
                  {complaint.statusText}
                </span>
              </h2>
              <dl className="details">
                <dt>About</dt>
                <dd>{complaint.visit ? `${complaint.category}, visit ${complaint.visit}` : complaint.category}</dd>
                <dt>Opened</dt>
                <dd>{complaint.age === "just now" ? "just now" : `${complaint.age} ago`}</dd>
              </dl>
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link to="/support">Help &amp; support</Link>
      </p>
    </section>
  )
}
