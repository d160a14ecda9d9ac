import { createContext } from "react"

/**
 * The Content-Security-Policy nonce of this page's inline scripts, set by entry.server. In the
 * browser it is empty: browsers hide nonces from the page, so hydration sees "" as well.
 */
export const NonceContext = createContext<string>("")
