import { Link } from "@remix-run/react"

/** What the Google/Facebook routes show when signing in did not work. */
export function SignInProblem({ providerName, message }: { providerName: string; message: string }) {
  return (
    <section className="narrow">
      <h1>We couldn&rsquo;t sign you in with {providerName}</h1>
      <div role="alert" className="alert">
        <p>{message}</p>
      </div>
      <p>
        <Link to="/sign-in">Back to sign in</Link>
      </p>
    </section>
  )
}
