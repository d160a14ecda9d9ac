import type { MetaFunction } from "@remix-run/node"
import { json } from "@remix-run/node"
import { Link } from "@remix-run/react"

export const meta: MetaFunction = () => [{ title: "Page not found" }]

export function loader() {
  return json(null, { status: 404 })
}

export default function NotFound() {
  return (
    <section className="notice">
      <h1>Page not found</h1>
      <p>We couldn&rsquo;t find the page you were looking for.</p>
      <p>
        <Link to="/">Back to our services</Link>
      </p>
    </section>
  )
}
