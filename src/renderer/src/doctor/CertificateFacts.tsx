import type { CertificateSummary } from '../../../shared/tls/certificate-summary';
import { Fact } from '../components/Fact';

const day = (text: string) => {
  const date = new Date(text);
  return Number.isNaN(date.getTime())
    ? text
    : date.toLocaleDateString(undefined, { dateStyle: 'medium' });
};

/** What a server's certificate says about itself, in the words a browser's viewer uses. */
export function CertificateFacts({ certificate }: { certificate: CertificateSummary }) {
  return (
    <dl className="facts">
      <Fact term="Issued to">{certificate.subject}</Fact>
      <Fact term="Issued by">
        {certificate.selfSigned ? `${certificate.issuer} (self-signed)` : certificate.issuer}
      </Fact>
      <Fact term="Valid for">{certificate.altNames.join(', ')}</Fact>
      <Fact term="Valid">{`${day(certificate.validFrom)} to ${day(certificate.validTo)}`}</Fact>
      <Fact term="SHA-256 fingerprint" mono>
        {certificate.sha256}
      </Fact>
    </dl>
  );
}
