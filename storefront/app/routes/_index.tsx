import type { MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";

import { describeError, listServices, type Service } from "~/lib/medusa.server";
import { pageTitle } from "~/lib/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "Our services");

export async function loader() {
  try {
    const services = await listServices();
    return json({ services, error: null as string | null });
  } catch (error) {
    console.error("Could not load services", error);
    return json({ services: [] as Service[], error: describeError(error) }, { status: 503 });
  }
}

export default function Services() {
  const { services, error } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Our services</h1>
      {error ? (
        <p role="alert" className="alert">
          {error}
        </p>
      ) : services.length === 0 ? (
        <p>We&rsquo;re updating our list of services. Please check back soon.</p>
      ) : (
        <ul className="card-grid" role="list">
          {services.map((service) => (
            <li key={service.id}>
              <article className="card" data-testid="service-card">
                <h2 className="card__title">{service.title}</h2>
                {service.summary ? <p className="card__text">{service.summary}</p> : null}
                <p className="card__price">
                  {service.fromPrice ? `From ${service.fromPrice}` : "Price on request"}
                </p>
              </article>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
