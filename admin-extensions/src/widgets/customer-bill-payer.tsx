import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminCustomer, DetailWidgetProps } from "@medusajs/framework/types"
import { Button, Input, Label, Select, Text, toast } from "@medusajs/ui"
import { useState } from "react"
import { EditableCard } from "../components/editable-card"
import type { AdminSetBillPayerRequest, BillPayerParty } from "@fieldservice/contract"
import { CountrySelect } from "../components/country-select"
import { useBillPayers, useSetBillPayer } from "../lib/bill-payers"
import { CustomerEditor } from "../routes/invoices/components/customer-editor"

const partyText = (payer: BillPayerParty | null) => (payer ? `${payer.name}${payer.company ? ` (${payer.company})` : ""}, ${payer.email}` : "The customer")

/**
 * Customer page → "Bill payer": who the customer's invoices (or one business profile's) go to: the
 * customer, another customer (a letting agency, a head office, a family member), or a new billing
 * contact, made a customer and invited to the portal. Also whom this customer pays for.
 */
const CustomerBillPayerWidget = ({ data: customer }: DetailWidgetProps<AdminCustomer>) => {
  const { data, isLoading, error } = useBillPayers(customer.id)
  const [editing, setEditing] = useState(false)
  return (
    <EditableCard title="Bill payer" testId="customer-bill-payer" editing={editing} onToggle={() => setEditing(!editing)} isLoading={isLoading} error={error}>
      {data && (
        <>
          <div className="flex flex-col gap-y-1 px-6 py-4" data-testid="bill-payer-summary">
            <Text size="small">
              <span className="text-ui-fg-subtle">Invoices go to: </span>
              <span data-testid="bill-payer-current">{partyText(data.payer)}</span>
            </Text>
            {data.business_profiles.map((profile) => (
              <Text key={profile.business_profile_id} size="small" className="text-ui-fg-subtle">
                {profile.name}: {profile.own ? partyText(profile.payer) : "as the customer's"}
              </Text>
            ))}
            {data.pays_for.length > 0 && (
              <Text size="small" data-testid="bill-payer-pays-for">
                <span className="text-ui-fg-subtle">Pays the invoices of: </span>
                {data.pays_for.map((row) => (row.business_profile_name ? `${row.name} (${row.business_profile_name})` : row.name)).join(", ")}
              </Text>
            )}
          </div>
          {editing && (
            <PayerForm
              customerId={customer.id}
              profiles={data.business_profiles.map((profile) => ({ id: profile.business_profile_id ?? "", name: profile.name }))}
              onSaved={() => {
                setEditing(false)
                toast.success("Bill payer saved")
              }}
            />
          )}
        </>
      )}
    </EditableCard>
  )
}

type Pays = AdminSetBillPayerRequest["pays"]
const EMPTY_CONTACT = { name: "", email: "", company: "", address_1: "", city: "", postal_code: "", country_code: "GB" }

function PayerForm({ customerId, profiles, onSaved }: { customerId: string; profiles: { id: string; name: string }[]; onSaved: () => void }) {
  const save = useSetBillPayer(customerId)
  const [profileId, setProfileId] = useState("")
  const [pays, setPays] = useState<Pays>("customer")
  const [payerId, setPayerId] = useState("")
  const [contact, setContact] = useState(EMPTY_CONTACT)
  const field = (name: keyof typeof EMPTY_CONTACT, label: string, type = "text") => (
    <div className="flex flex-col gap-y-1">
      <Label size="small" htmlFor={`bill-payer-${name}`}>
        {label}
      </Label>
      <Input
        id={`bill-payer-${name}`}
        size="small"
        type={type}
        value={contact[name]}
        onChange={(event) => setContact({ ...contact, [name]: event.target.value })}
        data-testid={`bill-payer-${name}`}
      />
    </div>
  )
  const body = (): AdminSetBillPayerRequest => {
    const business_profile_id = profileId || null
    if (pays === "other_customer") return { business_profile_id, pays, payer_id: payerId }
    if (pays === "billing_contact") {
      const { address_1, city, postal_code, country_code, company, name, email } = contact
      const address = address_1 || city || postal_code ? { address_1, city, postal_code, country_code } : null
      return { business_profile_id, pays, contact: { name, email, company: company || null, address } }
    }
    return { business_profile_id, pays }
  }
  return (
    <form
      className="flex flex-col gap-y-3 px-6 py-4"
      onSubmit={(event) => {
        event.preventDefault()
        save.mutate(body(), { onSuccess: onSaved })
      }}
      data-testid="bill-payer-form"
    >
      {profiles.length > 0 && (
        <div className="flex flex-col gap-y-1">
          <Label size="small" htmlFor="bill-payer-for">
            For
          </Label>
          <Select value={profileId || "customer"} onValueChange={(value) => setProfileId(value === "customer" ? "" : value)}>
            <Select.Trigger id="bill-payer-for">
              <Select.Value />
            </Select.Trigger>
            <Select.Content>
              <Select.Item value="customer">All the customer's invoices</Select.Item>
              {profiles.map((profile) => (
                <Select.Item key={profile.id} value={profile.id}>
                  {profile.name}'s invoices
                </Select.Item>
              ))}
            </Select.Content>
          </Select>
        </div>
      )}
      <div className="flex flex-col gap-y-1">
        <Label size="small" htmlFor="bill-payer-pays">
          Who pays
        </Label>
        <Select value={pays} onValueChange={(value) => setPays(value as Pays)}>
          <Select.Trigger id="bill-payer-pays" data-testid="bill-payer-pays">
            <Select.Value />
          </Select.Trigger>
          <Select.Content>
            <Select.Item value="customer">The customer</Select.Item>
            <Select.Item value="other_customer">Another customer</Select.Item>
            <Select.Item value="billing_contact">A new billing contact</Select.Item>
          </Select.Content>
        </Select>
      </div>
      {pays === "other_customer" &&
        (payerId ? (
          <Text size="small">
            Chosen.{" "}
            <button type="button" className="text-ui-fg-interactive" onClick={() => setPayerId("")}>
              Choose another
            </button>
          </Text>
        ) : (
          <div className="rounded-md border">
            <CustomerEditor onChoose={setPayerId} />
          </div>
        ))}
      {pays === "billing_contact" && (
        <div className="grid grid-cols-1 gap-3 md:grid-cols-2">
          {field("name", "Name")}
          {field("email", "Email", "email")}
          {field("company", "Company (optional)")}
          {field("address_1", "Address (optional)")}
          {field("city", "Town or city")}
          {field("postal_code", "Postcode")}
          <div className="flex flex-col gap-y-1">
            <Label size="small" htmlFor="bill-payer-country">
              Country
            </Label>
            <CountrySelect id="bill-payer-country" value={contact.country_code} onChange={(country_code) => setContact({ ...contact, country_code })} />
          </div>
          <Text size="xsmall" className="text-ui-fg-subtle md:col-span-2">
            They are added as a customer and invited to the portal, where they see and pay the invoices.
          </Text>
        </div>
      )}
      {save.error && (
        <Text size="small" className="text-ui-fg-error" data-testid="bill-payer-error">
          {save.error.message}
        </Text>
      )}
      <div>
        <Button size="small" type="submit" isLoading={save.isPending} disabled={pays === "other_customer" && !payerId} data-testid="bill-payer-save">
          Save
        </Button>
      </div>
    </form>
  )
}

export const config = defineWidgetConfig({
  id: "customer-bill-payer",
  zone: "customer.details.after",
})

export default CustomerBillPayerWidget
