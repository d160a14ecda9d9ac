import { randomUUID } from "node:crypto"
import type { AuthIdentityDTO, AuthIdentityProviderService } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"

/**
 * A small in-memory implementation of the AuthIdentityProviderService interface that Medusa's auth
 * module hands to providers (scoped to one provider): identities keyed by entity_id, and OAuth state
 * that is consumed on read, like the module's own `getState`.
 */
export class InMemoryAuthIdentities implements AuthIdentityProviderService {
  readonly identities = new Map<string, AuthIdentityDTO>()
  readonly states = new Map<string, Record<string, unknown>>()

  constructor(readonly provider: string) {}

  retrieve = async ({ entity_id }: { entity_id: string }): Promise<AuthIdentityDTO> => {
    const identity = this.identities.get(entity_id)
    if (!identity) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `AuthIdentity with entity_id ${entity_id} and provider ${this.provider} not found`)
    }
    return structuredClone(identity)
  }

  create = async (data: {
    entity_id: string
    provider_metadata?: Record<string, unknown>
    user_metadata?: Record<string, unknown>
  }): Promise<AuthIdentityDTO> => {
    if (this.identities.has(data.entity_id)) {
      throw new MedusaError(MedusaError.Types.DUPLICATE_ERROR, `Identity ${data.entity_id} already exists`)
    }
    const id = `authid_${randomUUID()}`
    const identity: AuthIdentityDTO = {
      id,
      app_metadata: {},
      provider_identities: [
        {
          id: `provid_${randomUUID()}`,
          entity_id: data.entity_id,
          provider: this.provider,
          auth_identity_id: id,
          user_metadata: data.user_metadata ?? {},
          provider_metadata: data.provider_metadata ?? {},
        },
      ],
    }
    this.identities.set(data.entity_id, identity)
    return structuredClone(identity)
  }

  update = async (
    entity_id: string,
    data: { provider_metadata?: Record<string, unknown>; user_metadata?: Record<string, unknown> }
  ): Promise<AuthIdentityDTO> => {
    const identity = this.identities.get(entity_id)
    if (!identity) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `AuthIdentity with entity_id ${entity_id} not found`)
    }
    const providerIdentity = identity.provider_identities![0]
    if (data.user_metadata) providerIdentity.user_metadata = data.user_metadata
    if (data.provider_metadata) providerIdentity.provider_metadata = data.provider_metadata
    return structuredClone(identity)
  }

  setState = async (key: string, value: Record<string, unknown>): Promise<void> => {
    this.states.set(key, structuredClone(value))
  }

  getState = async (key: string): Promise<Record<string, unknown> | null> => {
    const value = this.states.get(key)
    if (!value) return null
    this.states.delete(key)
    return value
  }
}
