// The one HTTP transport of Veza Desk (docs/transport.md): what the doctor, the request runner
// and the CLI import.
export { createTransport, type Transport } from './create-transport';
export type { InspectedCertificate } from './inspect-certificate';
export {
  classifyNetworkError,
  type ClassifiedFailure,
  type FailureContext,
} from './classify-network-error';
export { TransportError } from './transport-error';
export { createRedactor, redactDeep, secretForms, type Redactor } from './redact';
export { parsePacResult } from './proxy/parse-pac-result';
export { isExemptFromProxy } from './proxy/no-proxy';
export { describeRoute } from './proxy/choose-route';
export { originOf, sameOrigin } from './origin';
export { defaultLimits, defaultTimeouts } from './transport-defaults';
export type { TransportStage } from './connect/connect-failure';
export type { CertificateSummary } from './tls/certificate-summary';
export type { TlsOffer } from './probe-tls';
export type * from './transport-types';
export {
  checkClientCertificate,
  describeClientCertificateFile,
  readClientCertificateFile,
  type ClientCertificateFile,
} from './tls/client-identity';
