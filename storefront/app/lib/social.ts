/** The address the provider sends the browser back to: <portal origin>/auth/<provider>/callback. */
export function socialCallbackUrl(request: Request, provider: string): string {
  // PORTAL_URL wins when set (behind a proxy the request may not show the public address).
  const origin = process.env.PORTAL_URL?.trim().replace(/\/$/, "") || new URL(request.url).origin
  return `${origin}/auth/${provider}/callback`
}
