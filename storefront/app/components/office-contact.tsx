import { Link, useRouteLoaderData } from "@remix-run/react"
import { Fragment, type ReactNode } from "react"

import { NO_OFFICE, telHref, type Office } from "~/lib/office"

/** The office's phone and email from the root loader (Settings → Customer portal). */
export function useOffice(): Office {
  return useRouteLoaderData<{ office?: Office }>("root")?.office ?? NO_OFFICE
}

const PhoneLink = ({ phone }: { phone: string }) => <a href={telHref(phone)}>{phone}</a>
const EmailLink = ({ email }: { email: string }) => <a href={`mailto:${email}`}>{email}</a>

/** "call us on 0117 … or email office@…", as links; "contact us" (to Support) when neither is set. */
export function OfficeContact({ office }: { office?: Office }) {
  const fromRoot = useOffice()
  const { phone, email } = office ?? fromRoot
  if (!phone && !email) return <Link to="/support">contact us</Link>
  return (
    <>
      {phone ? (
        <>
          call us on <PhoneLink phone={phone} />
        </>
      ) : null}
      {phone && email ? " or " : null}
      {email ? (
        <>
          email <EmailLink email={email} />
        </>
      ) : null}
    </>
  )
}

/** A sentence from the API that names the office's phone or email, with those turned into links. */
export function WithOfficeLinks({ text }: { text: string }) {
  const { phone, email } = useOffice()
  const found = [phone, email].filter((value): value is string => Boolean(value) && text.includes(value!))
  if (!found.length) return <>{text}</>
  const parts = text.split(new RegExp(`(${found.map((value) => value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|")})`))
  return (
    <>
      {parts.map((part, index): ReactNode => (
        <Fragment key={index}>{part === phone ? <PhoneLink phone={part} /> : part === email ? <EmailLink email={part} /> : part}</Fragment>
      ))}
    </>
  )
}

/** The footer on every page: who the business is and how to reach it. */
export function SiteFooter({ businessName }: { businessName: string }) {
  const { phone, email } = useOffice()
  return (
    <footer className="site-footer" data-testid="site-footer">
      <div className="container site-footer__inner">
        <p className="site-footer__name">{businessName}</p>
        <ul className="site-footer__contact" aria-label="Contact us">
          {phone ? (
            <li>
              Phone: <PhoneLink phone={phone} />
            </li>
          ) : null}
          {email ? (
            <li>
              Email: <EmailLink email={email} />
            </li>
          ) : null}
          <li>
            <Link to="/support">Help &amp; support</Link>
          </li>
        </ul>
      </div>
    </footer>
  )
}
