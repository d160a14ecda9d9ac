/**
 * A page that sends the visitor back where they were: "/sign-in?redirectTo=/book/x". The slashes
 * stay readable ("/" is legal in a query string); without a return path, the page itself.
 */
export function withReturnPath(page: string, returnTo: string | null | undefined): string {
  return returnTo ? `${page}?redirectTo=${encodeURIComponent(returnTo).replace(/%2F/gi, "/")}` : page
}
