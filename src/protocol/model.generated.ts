// GENERATED FILE, do not edit: run `npx tsx scripts/generate-model.ts` to regenerate.
// Source: botocore service model acm-2015-12-08, shapes reachable from inputs only.

export type ShapeType = 'structure' | 'list' | 'map' | 'string' | 'blob' | 'integer'
  | 'long' | 'float' | 'double' | 'boolean' | 'timestamp';

/** One model shape. Unions are structures with `union: true`. */
export interface Shape {
  readonly type: ShapeType;
  readonly members?: Readonly<Record<string, string>>;
  readonly required?: readonly string[];
  readonly union?: true;
  readonly member?: string;
  readonly key?: string;
  readonly value?: string;
  readonly min?: number;
  readonly max?: number;
  readonly pattern?: string;
  readonly enum?: readonly string[];
  readonly sensitive?: true;
}

export interface Operation {
  readonly input?: string;
  readonly output?: string;
}

export const SERVICE = {
  serviceId: 'ACM', apiVersion: '2015-12-08', targetPrefix: 'CertificateManager',
  jsonVersion: '1.1', signingName: 'acm',
} as const;

export const OPERATION_NAMES = [
  'AddTagsToCertificate', 'CreateAcmeDomainValidation', 'CreateAcmeEndpoint',
  'CreateAcmeExternalAccountBinding', 'DeleteAcmeDomainValidation', 'DeleteAcmeEndpoint',
  'DeleteAcmeExternalAccountBinding', 'DeleteCertificate', 'DescribeAcmeAccount',
  'DescribeAcmeDomainValidation', 'DescribeAcmeEndpoint', 'DescribeAcmeExternalAccountBinding',
  'DescribeCertificate', 'ExportCertificate', 'GetAccountConfiguration',
  'GetAcmeExternalAccountBindingCredentials', 'GetCertificate', 'ImportCertificate',
  'ListAcmeAccounts', 'ListAcmeDomainValidations', 'ListAcmeEndpoints',
  'ListAcmeExternalAccountBindings', 'ListCertificates', 'ListTagsForCertificate',
  'ListTagsForResource', 'PutAccountConfiguration', 'RemoveTagsFromCertificate',
  'RenewCertificate', 'RequestCertificate', 'ResendValidationEmail', 'RevokeAcmeAccount',
  'RevokeAcmeExternalAccountBinding', 'RevokeCertificate', 'SearchCertificates', 'TagResource',
  'UntagResource', 'UpdateAcmeDomainValidation', 'UpdateAcmeEndpoint', 'UpdateCertificateOptions',
] as const;

export type OperationName = (typeof OPERATION_NAMES)[number];

export const OPERATIONS: Readonly<Record<OperationName, Operation>> = {
  AddTagsToCertificate: { input: 'AddTagsToCertificateRequest' },
  CreateAcmeDomainValidation: {
    input: 'CreateAcmeDomainValidationRequest', output: 'CreateAcmeDomainValidationResponse',
  },
  CreateAcmeEndpoint: { input: 'CreateAcmeEndpointRequest', output: 'CreateAcmeEndpointResponse' },
  CreateAcmeExternalAccountBinding: {
    input: 'CreateAcmeExternalAccountBindingRequest',
    output: 'CreateAcmeExternalAccountBindingResponse',
  },
  DeleteAcmeDomainValidation: { input: 'DeleteAcmeDomainValidationRequest' },
  DeleteAcmeEndpoint: { input: 'DeleteAcmeEndpointRequest' },
  DeleteAcmeExternalAccountBinding: { input: 'DeleteAcmeExternalAccountBindingRequest' },
  DeleteCertificate: { input: 'DeleteCertificateRequest' },
  DescribeAcmeAccount: {
    input: 'DescribeAcmeAccountRequest', output: 'DescribeAcmeAccountResponse',
  },
  DescribeAcmeDomainValidation: {
    input: 'DescribeAcmeDomainValidationRequest', output: 'DescribeAcmeDomainValidationResponse',
  },
  DescribeAcmeEndpoint: {
    input: 'DescribeAcmeEndpointRequest', output: 'DescribeAcmeEndpointResponse',
  },
  DescribeAcmeExternalAccountBinding: {
    input: 'DescribeAcmeExternalAccountBindingRequest',
    output: 'DescribeAcmeExternalAccountBindingResponse',
  },
  DescribeCertificate: {
    input: 'DescribeCertificateRequest', output: 'DescribeCertificateResponse',
  },
  ExportCertificate: { input: 'ExportCertificateRequest', output: 'ExportCertificateResponse' },
  GetAccountConfiguration: { output: 'GetAccountConfigurationResponse' },
  GetAcmeExternalAccountBindingCredentials: {
    input: 'GetAcmeExternalAccountBindingCredentialsRequest',
    output: 'GetAcmeExternalAccountBindingCredentialsResponse',
  },
  GetCertificate: { input: 'GetCertificateRequest', output: 'GetCertificateResponse' },
  ImportCertificate: { input: 'ImportCertificateRequest', output: 'ImportCertificateResponse' },
  ListAcmeAccounts: { input: 'ListAcmeAccountsRequest', output: 'ListAcmeAccountsResponse' },
  ListAcmeDomainValidations: {
    input: 'ListAcmeDomainValidationsRequest', output: 'ListAcmeDomainValidationsResponse',
  },
  ListAcmeEndpoints: { input: 'ListAcmeEndpointsRequest', output: 'ListAcmeEndpointsResponse' },
  ListAcmeExternalAccountBindings: {
    input: 'ListAcmeExternalAccountBindingsRequest',
    output: 'ListAcmeExternalAccountBindingsResponse',
  },
  ListCertificates: { input: 'ListCertificatesRequest', output: 'ListCertificatesResponse' },
  ListTagsForCertificate: {
    input: 'ListTagsForCertificateRequest', output: 'ListTagsForCertificateResponse',
  },
  ListTagsForResource: {
    input: 'ListTagsForResourceRequest', output: 'ListTagsForResourceResponse',
  },
  PutAccountConfiguration: { input: 'PutAccountConfigurationRequest' },
  RemoveTagsFromCertificate: { input: 'RemoveTagsFromCertificateRequest' },
  RenewCertificate: { input: 'RenewCertificateRequest' },
  RequestCertificate: { input: 'RequestCertificateRequest', output: 'RequestCertificateResponse' },
  ResendValidationEmail: { input: 'ResendValidationEmailRequest' },
  RevokeAcmeAccount: { input: 'RevokeAcmeAccountRequest' },
  RevokeAcmeExternalAccountBinding: { input: 'RevokeAcmeExternalAccountBindingRequest' },
  RevokeCertificate: { input: 'RevokeCertificateRequest', output: 'RevokeCertificateResponse' },
  SearchCertificates: { input: 'SearchCertificatesRequest', output: 'SearchCertificatesResponse' },
  TagResource: { input: 'TagResourceRequest' },
  UntagResource: { input: 'UntagResourceRequest' },
  UpdateAcmeDomainValidation: { input: 'UpdateAcmeDomainValidationRequest' },
  UpdateAcmeEndpoint: { input: 'UpdateAcmeEndpointRequest' },
  UpdateCertificateOptions: { input: 'UpdateCertificateOptionsRequest' },
};

export const SHAPES: Readonly<Record<string, Shape>> = {
  AcmCertificateMetadataFilter: {
    type: 'structure',
    members: {
      Status: 'CertificateStatus', RenewalStatus: 'RenewalStatus', Type: 'CertificateType',
      InUse: 'NullableBoolean', Exported: 'NullableBoolean', ExportOption: 'CertificateExport',
      ManagedBy: 'CertificateManagedBy', ValidationMethod: 'ValidationMethod',
      CertificateKeyPairOrigin: 'CertificateKeyPairOrigin', AcmeEndpointArn: 'Arn',
      AcmeAccountId: 'AcmeAccountId',
    },
    union: true,
  },
  AcmeAccountId: { type: 'string', min: 36, max: 36 },
  AcmeAuthorizationBehavior: { type: 'string', enum: ['PRE_APPROVED'] },
  AcmeContact: { type: 'string', enum: ['REQUIRED', 'NOT_REQUIRED'] },
  AcmeDomainValidationArn: {
    type: 'string', min: 1, max: 200,
    pattern: 'arn:aws[a-z-]*:acm:[a-z0-9-]+:[0-9]{12}:acme-endpoint/[a-zA-Z0-9-]+/acme-domain-validation/[a-zA-Z0-9-]+',
  },
  AcmeEndpointArn: {
    type: 'string', min: 1, max: 200,
    pattern: 'arn:aws[a-z-]*:acm:[a-z0-9-]+:[0-9]{12}:acme-endpoint/[a-zA-Z0-9-]+',
  },
  AcmeExternalAccountBindingArn: {
    type: 'string', min: 1, max: 200,
    pattern: 'arn:aws[a-z-]*:acm:[a-z0-9-]+:[0-9]{12}:acme-endpoint/[a-zA-Z0-9-]+/acme-external-account-binding/[a-zA-Z0-9-]+',
  },
  AddTagsToCertificateRequest: {
    type: 'structure', members: { CertificateArn: 'Arn', Tags: 'TagList' },
    required: ['CertificateArn', 'Tags'],
  },
  Arn: {
    type: 'string', min: 20, max: 2048,
    pattern: String.raw`arn:[\w+=/,.@-]+:acm:[\w+=/,.@-]*:[0-9]+:[\w+=,.@-]+(/[\w+=,.@-]+)*`,
  },
  CertificateAuthority: {
    type: 'structure', members: { PublicCertificateAuthority: 'PublicCertificateAuthority' },
    union: true,
  },
  CertificateBodyBlob: { type: 'blob', min: 1, max: 32768 },
  CertificateChainBlob: { type: 'blob', min: 1, max: 2097152 },
  CertificateExport: { type: 'string', enum: ['ENABLED', 'DISABLED'] },
  CertificateFilter: {
    type: 'structure',
    members: {
      CertificateArn: 'Arn', X509AttributeFilter: 'X509AttributeFilter',
      AcmCertificateMetadataFilter: 'AcmCertificateMetadataFilter',
    },
    union: true,
  },
  CertificateFilterStatement: {
    type: 'structure',
    members: {
      And: 'CertificateFilterStatementList', Or: 'CertificateFilterStatementList',
      Not: 'CertificateFilterStatement', Filter: 'CertificateFilter',
    },
    union: true,
  },
  CertificateFilterStatementList: {
    type: 'list', member: 'CertificateFilterStatement', min: 1, max: 15,
  },
  CertificateKeyPairOrigin: { type: 'string', enum: ['AWS_MANAGED', 'ACME', 'CUSTOMER_PROVIDED'] },
  CertificateKeyPairOrigins: { type: 'list', member: 'CertificateKeyPairOrigin', min: 1, max: 3 },
  CertificateManagedBy: { type: 'string', enum: ['CLOUDFRONT'] },
  CertificateOptions: {
    type: 'structure',
    members: {
      CertificateTransparencyLoggingPreference: 'CertificateTransparencyLoggingPreference',
      Export: 'CertificateExport',
    },
  },
  CertificateStatus: {
    type: 'string',
    enum: [
      'PENDING_VALIDATION', 'ISSUED', 'INACTIVE', 'EXPIRED', 'VALIDATION_TIMED_OUT', 'REVOKED',
      'FAILED',
    ],
  },
  CertificateStatuses: { type: 'list', member: 'CertificateStatus' },
  CertificateTransparencyLoggingPreference: { type: 'string', enum: ['ENABLED', 'DISABLED'] },
  CertificateType: { type: 'string', enum: ['IMPORTED', 'AMAZON_ISSUED', 'PRIVATE'] },
  CommonNameFilter: {
    type: 'structure',
    members: { Value: 'FilterString', ComparisonOperator: 'ComparisonOperator' },
    required: ['Value', 'ComparisonOperator'],
  },
  ComparisonOperator: { type: 'string', enum: ['CONTAINS', 'EQUALS'] },
  CreateAcmeDomainValidationRequest: {
    type: 'structure',
    members: {
      IdempotencyToken: 'String', AcmeEndpointArn: 'AcmeEndpointArn', DomainName: 'DomainName',
      PrevalidationOptions: 'PrevalidationOptions', Tags: 'TagList',
    },
    required: ['AcmeEndpointArn', 'DomainName', 'PrevalidationOptions'],
  },
  CreateAcmeEndpointRequest: {
    type: 'structure',
    members: {
      IdempotencyToken: 'String', AuthorizationBehavior: 'AcmeAuthorizationBehavior',
      Contact: 'AcmeContact', CertificateAuthority: 'CertificateAuthority', Tags: 'TagList',
      CertificateTags: 'TagList',
    },
    required: ['AuthorizationBehavior', 'CertificateAuthority'],
  },
  CreateAcmeExternalAccountBindingRequest: {
    type: 'structure',
    members: {
      IdempotencyToken: 'String', AcmeEndpointArn: 'AcmeEndpointArn', RoleArn: 'RoleArn',
      Expiration: 'Expiration', Tags: 'TagList',
    },
    required: ['AcmeEndpointArn', 'RoleArn'],
  },
  DeleteAcmeDomainValidationRequest: {
    type: 'structure', members: { AcmeDomainValidationArn: 'AcmeDomainValidationArn' },
    required: ['AcmeDomainValidationArn'],
  },
  DeleteAcmeEndpointRequest: {
    type: 'structure', members: { AcmeEndpointArn: 'AcmeEndpointArn' },
    required: ['AcmeEndpointArn'],
  },
  DeleteAcmeExternalAccountBindingRequest: {
    type: 'structure', members: { AcmeExternalAccountBindingArn: 'AcmeExternalAccountBindingArn' },
    required: ['AcmeExternalAccountBindingArn'],
  },
  DeleteCertificateRequest: {
    type: 'structure', members: { CertificateArn: 'Arn' }, required: ['CertificateArn'],
  },
  DescribeAcmeAccountRequest: {
    type: 'structure', members: { AcmeEndpointArn: 'AcmeEndpointArn', AccountUrl: 'String' },
    required: ['AcmeEndpointArn', 'AccountUrl'],
  },
  DescribeAcmeDomainValidationRequest: {
    type: 'structure', members: { AcmeDomainValidationArn: 'AcmeDomainValidationArn' },
    required: ['AcmeDomainValidationArn'],
  },
  DescribeAcmeEndpointRequest: {
    type: 'structure', members: { AcmeEndpointArn: 'AcmeEndpointArn' },
    required: ['AcmeEndpointArn'],
  },
  DescribeAcmeExternalAccountBindingRequest: {
    type: 'structure', members: { AcmeExternalAccountBindingArn: 'AcmeExternalAccountBindingArn' },
    required: ['AcmeExternalAccountBindingArn'],
  },
  DescribeCertificateRequest: {
    type: 'structure', members: { CertificateArn: 'Arn' }, required: ['CertificateArn'],
  },
  DnsNameFilter: {
    type: 'structure',
    members: { Value: 'FilterString', ComparisonOperator: 'ComparisonOperator' },
    required: ['Value', 'ComparisonOperator'],
  },
  DnsPrevalidationOptions: {
    type: 'structure', members: { DomainScope: 'DomainScope', HostedZoneId: 'HostedZoneId' },
  },
  DomainList: { type: 'list', member: 'DomainNameString', min: 1, max: 100 },
  DomainName: {
    type: 'string', min: 1, max: 253,
    pattern: String.raw`([a-z0-9]([a-z0-9-]*[a-z0-9])?\.)*[a-z0-9]([a-z0-9-]*[a-z0-9])?`,
  },
  DomainNameString: {
    type: 'string', min: 1, max: 253,
    pattern: String.raw`(\*\.)?(((?!-)[A-Za-z0-9-]{0,62}[A-Za-z0-9])\.)+((?!-)[A-Za-z0-9-]{1,62}[A-Za-z0-9])`,
  },
  DomainScope: {
    type: 'structure',
    members: {
      ExactDomain: 'DomainScopeOption', Subdomains: 'DomainScopeOption',
      Wildcards: 'DomainScopeOption',
    },
  },
  DomainScopeOption: { type: 'string', enum: ['ENABLED', 'DISABLED'] },
  DomainValidationOption: {
    type: 'structure',
    members: { DomainName: 'DomainNameString', ValidationDomain: 'DomainNameString' },
    required: ['DomainName', 'ValidationDomain'],
  },
  DomainValidationOptionList: { type: 'list', member: 'DomainValidationOption', min: 1, max: 100 },
  Expiration: {
    type: 'structure', members: { Value: 'ExpirationValueLong', Type: 'TimeType' },
    required: ['Value', 'Type'],
  },
  ExpirationValueLong: { type: 'long', min: 1 },
  ExpiryEventsConfiguration: {
    type: 'structure', members: { DaysBeforeExpiry: 'PositiveInteger' },
  },
  ExportCertificateRequest: {
    type: 'structure', members: { CertificateArn: 'Arn', Passphrase: 'PassphraseBlob' },
    required: ['CertificateArn', 'Passphrase'],
  },
  ExtendedKeyUsageFilterList: { type: 'list', member: 'ExtendedKeyUsageName' },
  ExtendedKeyUsageName: {
    type: 'string',
    enum: [
      'TLS_WEB_SERVER_AUTHENTICATION', 'TLS_WEB_CLIENT_AUTHENTICATION', 'CODE_SIGNING',
      'EMAIL_PROTECTION', 'TIME_STAMPING', 'OCSP_SIGNING', 'IPSEC_END_SYSTEM', 'IPSEC_TUNNEL',
      'IPSEC_USER', 'ANY', 'NONE', 'CUSTOM',
    ],
  },
  FilterString: { type: 'string', min: 1, max: 256 },
  Filters: {
    type: 'structure',
    members: {
      extendedKeyUsage: 'ExtendedKeyUsageFilterList', keyUsage: 'KeyUsageFilterList',
      keyTypes: 'KeyAlgorithmList', exportOption: 'CertificateExport',
      managedBy: 'CertificateManagedBy',
    },
  },
  GetAcmeExternalAccountBindingCredentialsRequest: {
    type: 'structure', members: { AcmeExternalAccountBindingArn: 'AcmeExternalAccountBindingArn' },
    required: ['AcmeExternalAccountBindingArn'],
  },
  GetCertificateRequest: {
    type: 'structure', members: { CertificateArn: 'Arn' }, required: ['CertificateArn'],
  },
  HostedZoneId: { type: 'string', min: 1, max: 32, pattern: 'Z[A-Z0-9]+' },
  IdempotencyToken: { type: 'string', min: 1, max: 32, pattern: String.raw`\w+` },
  ImportCertificateRequest: {
    type: 'structure',
    members: {
      CertificateArn: 'Arn', Certificate: 'CertificateBodyBlob', PrivateKey: 'PrivateKeyBlob',
      CertificateChain: 'CertificateChainBlob', Tags: 'TagList',
    },
    required: ['Certificate', 'PrivateKey'],
  },
  KeyAlgorithm: {
    type: 'string',
    enum: [
      'RSA_1024', 'RSA_2048', 'RSA_3072', 'RSA_4096', 'EC_prime256v1', 'EC_secp384r1',
      'EC_secp521r1',
    ],
  },
  KeyAlgorithmList: { type: 'list', member: 'KeyAlgorithm' },
  KeyUsageFilterList: { type: 'list', member: 'KeyUsageName' },
  KeyUsageName: {
    type: 'string',
    enum: [
      'DIGITAL_SIGNATURE', 'NON_REPUDIATION', 'KEY_ENCIPHERMENT', 'DATA_ENCIPHERMENT',
      'KEY_AGREEMENT', 'CERTIFICATE_SIGNING', 'CRL_SIGNING', 'ENCIPHER_ONLY', 'DECIPHER_ONLY',
      'ANY', 'CUSTOM',
    ],
  },
  ListAcmeAccountsRequest: {
    type: 'structure',
    members: {
      NextToken: 'String', MaxResults: 'ListAcmeAccountsRequestMaxResultsInteger',
      AcmeEndpointArn: 'AcmeEndpointArn',
    },
    required: ['AcmeEndpointArn'],
  },
  ListAcmeAccountsRequestMaxResultsInteger: { type: 'integer', min: 1, max: 100 },
  ListAcmeDomainValidationsRequest: {
    type: 'structure',
    members: {
      NextToken: 'String', MaxResults: 'ListAcmeDomainValidationsRequestMaxResultsInteger',
      AcmeEndpointArn: 'AcmeEndpointArn',
    },
    required: ['AcmeEndpointArn'],
  },
  ListAcmeDomainValidationsRequestMaxResultsInteger: { type: 'integer', min: 1, max: 100 },
  ListAcmeEndpointsRequest: {
    type: 'structure',
    members: { NextToken: 'String', MaxResults: 'ListAcmeEndpointsRequestMaxResultsInteger' },
  },
  ListAcmeEndpointsRequestMaxResultsInteger: { type: 'integer', min: 1, max: 100 },
  ListAcmeExternalAccountBindingsRequest: {
    type: 'structure',
    members: {
      NextToken: 'String', MaxResults: 'ListAcmeExternalAccountBindingsRequestMaxResultsInteger',
      AcmeEndpointArn: 'AcmeEndpointArn',
    },
    required: ['AcmeEndpointArn'],
  },
  ListAcmeExternalAccountBindingsRequestMaxResultsInteger: { type: 'integer', min: 1, max: 100 },
  ListCertificatesRequest: {
    type: 'structure',
    members: {
      CertificateStatuses: 'CertificateStatuses',
      CertificateKeyPairOrigins: 'CertificateKeyPairOrigins', Includes: 'Filters',
      NextToken: 'NextToken', MaxItems: 'MaxItems', SortBy: 'SortBy', SortOrder: 'SortOrder',
    },
  },
  ListTagsForCertificateRequest: {
    type: 'structure', members: { CertificateArn: 'Arn' }, required: ['CertificateArn'],
  },
  ListTagsForResourceRequest: {
    type: 'structure', members: { ResourceArn: 'Arn' }, required: ['ResourceArn'],
  },
  MaxItems: { type: 'integer', min: 1, max: 1000 },
  NextToken: {
    type: 'string', min: 1, max: 10000, pattern: String.raw`[\u0009\u000A\u000D\u0020-\u00FF]*`,
  },
  NullableBoolean: { type: 'boolean' },
  PassphraseBlob: { type: 'blob', min: 4, max: 128, sensitive: true },
  PcaArn: {
    type: 'string', min: 20, max: 2048,
    pattern: String.raw`arn:[\w+=/,.@-]+:acm-pca:[\w+=/,.@-]*:[0-9]+:[\w+=,.@-]+(/[\w+=,.@-]+)*`,
  },
  PositiveInteger: { type: 'integer', min: 1 },
  PrevalidationOptions: {
    type: 'structure', members: { DnsPrevalidation: 'DnsPrevalidationOptions' }, union: true,
  },
  PrivateKeyBlob: { type: 'blob', min: 1, max: 5120, sensitive: true },
  PublicCertificateAuthority: {
    type: 'structure', members: { AllowedKeyAlgorithms: 'PublicKeyAlgorithmList' },
  },
  PublicKeyAlgorithm: { type: 'string', enum: ['RSA_2048', 'EC_prime256v1', 'EC_secp384r1'] },
  PublicKeyAlgorithmList: { type: 'list', member: 'PublicKeyAlgorithm' },
  PutAccountConfigurationRequest: {
    type: 'structure',
    members: { ExpiryEvents: 'ExpiryEventsConfiguration', IdempotencyToken: 'IdempotencyToken' },
    required: ['IdempotencyToken'],
  },
  RemoveTagsFromCertificateRequest: {
    type: 'structure', members: { CertificateArn: 'Arn', Tags: 'TagList' },
    required: ['CertificateArn', 'Tags'],
  },
  RenewCertificateRequest: {
    type: 'structure', members: { CertificateArn: 'Arn' }, required: ['CertificateArn'],
  },
  RenewalStatus: {
    type: 'string', enum: ['PENDING_AUTO_RENEWAL', 'PENDING_VALIDATION', 'SUCCESS', 'FAILED'],
  },
  RequestCertificateRequest: {
    type: 'structure',
    members: {
      DomainName: 'DomainNameString', ValidationMethod: 'ValidationMethod',
      SubjectAlternativeNames: 'DomainList', IdempotencyToken: 'IdempotencyToken',
      DomainValidationOptions: 'DomainValidationOptionList', Options: 'CertificateOptions',
      CertificateAuthorityArn: 'PcaArn', Tags: 'TagList', KeyAlgorithm: 'KeyAlgorithm',
      ManagedBy: 'CertificateManagedBy',
    },
    required: ['DomainName'],
  },
  ResendValidationEmailRequest: {
    type: 'structure',
    members: {
      CertificateArn: 'Arn', Domain: 'DomainNameString', ValidationDomain: 'DomainNameString',
    },
    required: ['CertificateArn', 'Domain', 'ValidationDomain'],
  },
  RevocationReason: {
    type: 'string',
    enum: [
      'UNSPECIFIED', 'KEY_COMPROMISE', 'CA_COMPROMISE', 'AFFILIATION_CHANGED', 'SUPERCEDED',
      'SUPERSEDED', 'CESSATION_OF_OPERATION', 'CERTIFICATE_HOLD', 'REMOVE_FROM_CRL',
      'PRIVILEGE_WITHDRAWN', 'A_A_COMPROMISE',
    ],
  },
  RevokeAcmeAccountRequest: {
    type: 'structure', members: { AcmeEndpointArn: 'AcmeEndpointArn', AccountUrl: 'String' },
    required: ['AcmeEndpointArn', 'AccountUrl'],
  },
  RevokeAcmeExternalAccountBindingRequest: {
    type: 'structure', members: { AcmeExternalAccountBindingArn: 'AcmeExternalAccountBindingArn' },
    required: ['AcmeExternalAccountBindingArn'],
  },
  RevokeCertificateRequest: {
    type: 'structure', members: { CertificateArn: 'Arn', RevocationReason: 'RevocationReason' },
    required: ['CertificateArn', 'RevocationReason'],
  },
  RoleArn: { type: 'string', min: 1, max: 2048, pattern: 'arn:aws[a-z-]*:iam::[0-9]{12}:role/.+' },
  SearchCertificatesRequest: {
    type: 'structure',
    members: {
      FilterStatement: 'CertificateFilterStatement', MaxResults: 'SearchMaxResults',
      NextToken: 'NextToken', SortBy: 'SearchCertificatesSortBy',
      SortOrder: 'SearchCertificatesSortOrder',
    },
  },
  SearchCertificatesSortBy: {
    type: 'string',
    enum: [
      'CREATED_AT', 'NOT_AFTER', 'STATUS', 'RENEWAL_STATUS', 'EXPORTED', 'IN_USE', 'NOT_BEFORE',
      'KEY_ALGORITHM', 'TYPE', 'CERTIFICATE_ARN', 'COMMON_NAME', 'REVOKED_AT',
      'RENEWAL_ELIGIBILITY', 'ISSUED_AT', 'MANAGED_BY', 'EXPORT_OPTION', 'VALIDATION_METHOD',
      'IMPORTED_AT', 'ACME_ENDPOINT_ARN', 'ACME_ACCOUNT_ID', 'CERTIFICATE_KEY_PAIR_ORIGIN',
    ],
  },
  SearchCertificatesSortOrder: { type: 'string', enum: ['ASCENDING', 'DESCENDING'] },
  SearchMaxResults: { type: 'integer', min: 1, max: 500 },
  SerialNumber: { type: 'string', min: 2, max: 59, pattern: '[0-9a-f]{2}(:[0-9a-f]{2}){1,19}' },
  SortBy: { type: 'string', enum: ['CREATED_AT'] },
  SortOrder: { type: 'string', enum: ['ASCENDING', 'DESCENDING'] },
  String: { type: 'string' },
  SubjectAlternativeNameFilter: {
    type: 'structure', members: { DnsName: 'DnsNameFilter' }, union: true,
  },
  SubjectFilter: { type: 'structure', members: { CommonName: 'CommonNameFilter' }, union: true },
  TStamp: { type: 'timestamp' },
  Tag: { type: 'structure', members: { Key: 'TagKey', Value: 'TagValue' }, required: ['Key'] },
  TagKey: { type: 'string', min: 1, max: 128, pattern: String.raw`([\p{L}\p{Z}\p{N}_.:/=+\-@]*)` },
  TagKeyList: { type: 'list', member: 'TagKey', min: 1, max: 50 },
  TagList: { type: 'list', member: 'Tag', min: 1, max: 50 },
  TagResourceRequest: {
    type: 'structure', members: { ResourceArn: 'Arn', Tags: 'TagList' },
    required: ['ResourceArn', 'Tags'],
  },
  TagValue: {
    type: 'string', min: 0, max: 256, pattern: String.raw`([\p{L}\p{Z}\p{N}_.:/=+\-@]*)`,
  },
  TimeType: { type: 'string', enum: ['MINUTES', 'HOURS', 'DAYS'] },
  TimestampRange: { type: 'structure', members: { Start: 'TStamp', End: 'TStamp' } },
  UntagResourceRequest: {
    type: 'structure', members: { ResourceArn: 'Arn', TagKeys: 'TagKeyList' },
    required: ['ResourceArn', 'TagKeys'],
  },
  UpdateAcmeDomainValidationRequest: {
    type: 'structure',
    members: {
      AcmeDomainValidationArn: 'AcmeDomainValidationArn',
      PrevalidationOptions: 'PrevalidationOptions',
    },
    required: ['AcmeDomainValidationArn'],
  },
  UpdateAcmeEndpointRequest: {
    type: 'structure',
    members: {
      AcmeEndpointArn: 'AcmeEndpointArn', AuthorizationBehavior: 'AcmeAuthorizationBehavior',
      Contact: 'AcmeContact', CertificateAuthority: 'CertificateAuthority',
    },
    required: ['AcmeEndpointArn'],
  },
  UpdateCertificateOptionsRequest: {
    type: 'structure', members: { CertificateArn: 'Arn', Options: 'CertificateOptions' },
    required: ['CertificateArn', 'Options'],
  },
  ValidationMethod: { type: 'string', enum: ['EMAIL', 'DNS', 'HTTP'] },
  X509AttributeFilter: {
    type: 'structure',
    members: {
      Subject: 'SubjectFilter', SubjectAlternativeName: 'SubjectAlternativeNameFilter',
      ExtendedKeyUsage: 'ExtendedKeyUsageName', KeyUsage: 'KeyUsageName',
      KeyAlgorithm: 'KeyAlgorithm', SerialNumber: 'SerialNumber', NotAfter: 'TimestampRange',
      NotBefore: 'TimestampRange',
    },
    union: true,
  },
};
