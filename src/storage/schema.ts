/** Table shapes as Kysely sees them. Times are epoch milliseconds; lists are JSON text. */
export interface CertificatesTable {
  arn: string;
  account_id: string;
  region: string;
  type: string;
  key_pair_origin: string;
  status: string;
  domain_name: string | null;
  sans: string;
  subject: string;
  issuer: string;
  serial: string;
  not_before: number;
  not_after: number;
  key_algorithm: string;
  signature_algorithm: string;
  key_usages: string;
  /** `,A,B,`: the key usage names wrapped in commas, so a filter is one LIKE per name. */
  key_usage_index: string;
  extended_key_usages: string;
  extended_key_usage_index: string;
  certificate_pem: string;
  chain_pem: string | null;
  private_key: Buffer;
  created_at: number;
  imported_at: number | null;
  issued_at: number | null;
  in_use_by: string;
  options: string;
  export_option: string;
  managed_by: string | null;
  exported: number;
}

export interface CertificateTagsTable {
  arn: string;
  tag_key: string;
  tag_value: string | null;
  position: number;
}

export interface AccountSettingsTable {
  account_id: string;
  region: string;
  days_before_expiry: number;
}

export interface IdempotencyTokensTable {
  account_id: string;
  region: string;
  scope: string;
  token: string;
  created_at: number;
}

export interface AccessKeysTable {
  access_key_id: string;
  account_id: string;
  secret: Buffer;
  created_at: number;
}

export interface Database {
  certificates: CertificatesTable;
  certificate_tags: CertificateTagsTable;
  account_settings: AccountSettingsTable;
  idempotency_tokens: IdempotencyTokensTable;
  access_keys: AccessKeysTable;
}
