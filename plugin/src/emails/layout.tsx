import type { ReactNode } from "react"
import { Body, Button, Container, Head, Heading, Hr, Html, Link, Preview, Section, Text } from "@react-email/components"

const colors = { brand: "#1f4e79", text: "#1f2933", muted: "#6b7280", border: "#e5e7eb", page: "#f4f5f7" }

/** A non-essential email's footer link: what the customer stops getting, and the signed link (utils/unsubscribe.ts). */
export type UnsubscribeFooter = { what: string; url: string }

export function Layout({
  businessName,
  preview,
  children,
  unsubscribe,
}: {
  businessName: string
  preview: string
  children: ReactNode
  unsubscribe?: UnsubscribeFooter
}) {
  return (
    <Html lang="en">
      <Head />
      <Preview>{preview}</Preview>
      <Body style={{ backgroundColor: colors.page, fontFamily: "Helvetica, Arial, sans-serif", margin: 0, padding: "24px 0" }}>
        <Container style={{ backgroundColor: "#ffffff", border: `1px solid ${colors.border}`, borderRadius: 8, maxWidth: 560 }}>
          <Section style={{ backgroundColor: colors.brand, borderRadius: "8px 8px 0 0", padding: "20px 32px" }}>
            <Heading as="h1" style={{ color: "#ffffff", fontSize: 20, margin: 0 }}>
              {businessName}
            </Heading>
          </Section>
          <Section style={{ color: colors.text, fontSize: 16, lineHeight: "24px", padding: "8px 32px 16px" }}>{children}</Section>
          <Hr style={{ borderColor: colors.border, margin: 0 }} />
          <Section style={{ padding: "16px 32px" }}>
            <Text style={{ color: colors.muted, fontSize: 12, lineHeight: "18px", margin: 0 }}>
              {`You are receiving this because you have an account with ${businessName}.`}
            </Text>
            {unsubscribe ? (
              <Text style={{ color: colors.muted, fontSize: 12, lineHeight: "18px", margin: "8px 0 0" }}>
                {`Don't want ${unsubscribe.what}? `}
                <Link href={unsubscribe.url} style={{ color: colors.muted, textDecoration: "underline" }}>
                  Unsubscribe
                </Link>
                {` (one click, no sign-in needed: ${unsubscribe.url})`}
              </Text>
            ) : null}
          </Section>
        </Container>
      </Body>
    </Html>
  )
}

export function ActionButton({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Section style={{ padding: "16px 0", textAlign: "center" }}>
      <Button
        href={href}
        style={{
          backgroundColor: colors.brand,
          borderRadius: 6,
          color: "#ffffff",
          fontSize: 18,
          fontWeight: 600,
          padding: "14px 28px",
          textDecoration: "none",
        }}
      >
        {children}
      </Button>
    </Section>
  )
}

/** The raw link under the button, for mail clients that strip buttons. */
export function FallbackLink({ href }: { href: string }) {
  return (
    <Text style={{ color: colors.muted, fontSize: 13, wordBreak: "break-all" }}>
      {`If the button does not work, copy this link into your browser: ${href}`}
    </Text>
  )
}

export function Greeting({ firstName }: { firstName?: string }) {
  return <Text>{firstName ? `Hi ${firstName},` : "Hi,"}</Text>
}

export const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? "" : "s"}`
