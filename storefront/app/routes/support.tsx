import type { MetaFunction } from "@remix-run/node"
import { json } from "@remix-run/node"
import { Link, useLoaderData } from "@remix-run/react"

import { describeError, PortalConfigError } from "~/lib/api/api.server"
import { OfficeContact } from "~/components/office-contact"
import { RichText } from "~/components/rich-text"
import { pageTitle } from "~/lib/meta"
import { listFaqs, listTerms } from "~/lib/api/support.server"
import type { StoreFaq as Faq } from "@fieldservice/contract"
import { BUSINESS_LOCALE } from "@fieldservice/contract"

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "Help & support")

type FaqGroup = { category: string; faqs: Faq[] }
type TermsView = { id: number; title: string; byline: string; body: string }

function groupFaqs(faqs: Faq[]): FaqGroup[] {
  const groups = new Map<string, Faq[]>()
  for (const faq of faqs) {
    const category = faq.category?.trim() || "General"
    groups.set(category, [...(groups.get(category) ?? []), faq])
  }
  return [...groups].map(([category, items]) => ({ category, faqs: items }))
}

function formatDate(value: string | null): string | null {
  if (!value) return null
  const date = new Date(value)
  if (Number.isNaN(date.getTime())) return null
  // The business's date style, as on every other page ("1 March 2026").
  return new Intl.DateTimeFormat(BUSINESS_LOCALE, { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(date)
}

export async function loader() {
  try {
    // The API has filled in the portal settings the text names ({{cancellation_policy}}…).
    const [faqs, terms] = await Promise.all([listFaqs(), listTerms()])
    const termsView: TermsView[] = terms.map((term) => {
      const published = formatDate(term.publishedAt)
      return {
        id: term.id,
        title: term.title,
        byline: `Version ${term.version}${published ? ` · published ${published}` : ""}`,
        body: term.body,
      }
    })
    return json({
      available: true,
      detail: null as string | null,
      groups: groupFaqs(faqs),
      terms: termsView,
    })
  } catch (error) {
    console.error("Could not load help content", error)
    return json(
      {
        available: false,
        detail: error instanceof PortalConfigError ? describeError(error) : null,
        groups: [] as FaqGroup[],
        terms: [] as TermsView[],
      },
      { status: 503 }
    )
  }
}

export default function Support() {
  const { available, detail, groups, terms } = useLoaderData<typeof loader>()
  return (
    <>
      <h1>Help &amp; support</h1>
      <section aria-labelledby="contact-heading" className="notice-box" data-testid="support-contact">
        <h2 id="contact-heading">Contact us</h2>
        <p>
          To talk to our office, please <OfficeContact />.
        </p>
      </section>
      <section aria-labelledby="problem-heading" className="notice-box" data-testid="support-complaints">
        <h2 id="problem-heading">Something went wrong?</h2>
        <p>Tell us and we will put it right. You can follow what we do about it on your complaints page.</p>
        <p>
          <Link to="/complaints/new" className="button button--secondary" data-testid="report-problem">
            Report a problem
          </Link>{" "}
          <Link to="/complaints">Your complaints</Link>
        </p>
      </section>
      {!available ? (
        <div role="alert" className="alert">
          <p>Help articles are unavailable right now.</p>
          {detail ? <p>{detail}</p> : null}
        </div>
      ) : (
        <>
          <section aria-labelledby="faq-heading">
            <h2 id="faq-heading">Frequently asked questions</h2>
            {groups.length === 0 ? <p>No questions have been published yet.</p> : null}
            {groups.map((group) => (
              <div key={group.category} className="faq-group">
                <h3>{group.category}</h3>
                {group.faqs.map((faq) => (
                  <details key={faq.id} className="faq" data-testid="faq">
                    <summary>{faq.question}</summary>
                    <RichText text={faq.answer} />
                  </details>
                ))}
              </div>
            ))}
          </section>
          <section aria-labelledby="terms-heading">
            <h2 id="terms-heading">Terms</h2>
            {terms.length === 0 ? <p>No terms have been published yet.</p> : null}
            {terms.map((term) => (
              <article key={term.id} className="terms" data-testid="terms">
                <h3>{term.title}</h3>
                <p className="muted">{term.byline}</p>
                <RichText text={term.body} />
              </article>
            ))}
          </section>
        </>
      )}
    </>
  )
}
