import { Link } from "@remix-run/react"

export type ServiceCardData = {
  id: string
  handle: string
  title: string
  summary: string | null
  /** "From £65.00" */
  fromPrice: string
  /** "2 hours 30 minutes" */
  duration: string
}

/** A service in a list: its name (a link to its page), what it is, the starting price and how long it takes. */
export function ServiceCard({ service }: { service: ServiceCardData }) {
  const headingId = `service-${service.id}`
  return (
    <article className="card" data-testid="service-card" aria-labelledby={headingId}>
      <h2 className="card__title" id={headingId}>
        <Link to={`/services/${encodeURIComponent(service.handle)}`}>{service.title}</Link>
      </h2>
      {service.summary ? <p className="card__text">{service.summary}</p> : null}
      <p className="card__price">{service.fromPrice}</p>
      <p className="card__meta muted">About {service.duration}</p>
    </article>
  )
}
