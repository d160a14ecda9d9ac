import { Select } from "@medusajs/ui"
import { countryOptions } from "@fieldservice/contract"

/** The countries an address can be in (two-letter codes, upper case), plus the current one if the list lacks it. */
export function CountrySelect({ id, value, onChange, testId = id }: { id: string; value: string; onChange: (code: string) => void; testId?: string }) {
  return (
    <Select value={value} onValueChange={onChange}>
      <Select.Trigger id={id} data-testid={testId}>
        <Select.Value />
      </Select.Trigger>
      <Select.Content>
        {countryOptions(value).map((country) => (
          <Select.Item key={country.code} value={country.code}>
            {country.name}
          </Select.Item>
        ))}
      </Select.Content>
    </Select>
  )
}
