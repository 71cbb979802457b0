import { useId, useRef, useState } from 'react';
import type { CallResult } from '../../../shared/ipc/contract';
import type { ClientCertificateSetting } from '../../../shared/profiles/profile';
import { useAction } from '../data/use-action';
import { useCall } from '../data/use-call';
import { ProblemCard } from '../problems/ProblemCard';

type Chosen = CallResult<'profiles.chooseClientCertificate'>;

interface ClientCertificateFieldProps {
  certificate: ClientCertificateSetting | undefined;
  onChange: (certificate: ClientCertificateSetting | undefined) => void;
}

/** A saved certificate's kind, when this form did not choose it: .p12 and .pfx are PKCS#12. */
const kindOf = (chosen: Chosen | undefined, certFile: string) =>
  chosen?.kind ?? (/\.(p12|pfx)$/i.test(certFile) ? 'pkcs12' : 'pem');

/**
 * The certificate this computer shows to a server that asks for one (mutual TLS). Main picks
 * the file in its own open dialog and tells PEM from PKCS#12; a PEM certificate's private key
 * is picked the same way, a PKCS#12 file's passphrase typed here (uncontrolled, no React state
 * mirrors it) and sent once. Main checks either with the certificate and keeps it in the
 * keychain; the window only learns whether one is saved.
 */
export function ClientCertificateField({ certificate, onChange }: ClientCertificateFieldProps) {
  const id = useId();
  const [chosen, setChosen] = useState<Chosen>();
  // The chosen PEM key is protected by a passphrase: main holds it until the passphrase comes.
  const [keyLocked, setKeyLocked] = useState(false);
  const passphraseRef = useRef<HTMLInputElement>(null);
  const choose = useAction('profiles.chooseClientCertificate');
  const chooseKey = useAction('profiles.chooseClientCertificateKey');
  const savePassphrase = useAction('profiles.saveClientCertificatePassphrase');
  const removeSecret = useAction('profiles.removeClientCertificateSecret');
  const saved = useCall(
    'profiles.hasClientCertificateSecret',
    certificate ? { certSha256: certificate.certSha256 } : null,
  );
  const problem = choose.problem ?? chooseKey.problem ?? savePassphrase.problem ?? saved.problem;
  const clearProblems = () => {
    choose.clearProblem();
    chooseKey.clearProblem();
    savePassphrase.clearProblem();
  };

  const chooseCertificate = async () => {
    clearProblems();
    await choose.run(undefined, (answer) => {
      if (!answer.certificate) return;
      setKeyLocked(false);
      setChosen(answer);
      onChange(answer.certificate);
    });
  };
  const chooseItsKey = async () => {
    if (!certificate) return;
    clearProblems();
    await chooseKey.run(certificate, async (answer) => {
      if (answer.cancelled) return;
      setKeyLocked(answer.needsPassphrase === true);
      await saved.reload();
    });
  };
  const sendPassphrase = async () => {
    if (!certificate) return;
    clearProblems();
    const passphrase = passphraseRef.current?.value ?? '';
    await savePassphrase.run({ ...certificate, passphrase }, async () => {
      if (passphraseRef.current) passphraseRef.current.value = '';
      setKeyLocked(false);
      await saved.reload();
    });
  };
  const remove = async () => {
    if (!certificate) return;
    clearProblems();
    const { certSha256 } = certificate;
    setChosen(undefined);
    setKeyLocked(false);
    onChange(undefined);
    // Main forgets the key only if no saved instance still uses this certificate.
    await removeSecret.run({ certSha256 });
  };

  const kind = certificate ? kindOf(chosen, certificate.certFile) : undefined;
  const secretSaved = saved.value === true && !saved.loading;
  const what = kind === 'pkcs12' ? 'passphrase' : 'private key';
  return (
    <div className="field client-certificate" role="group" aria-labelledby={`${id}-label`}>
      <p className="ca-file-line" id={`${id}-label`}>
        Client certificate: <span className="ca-file">{certificate?.certFile ?? 'none'}</span>
      </p>
      {certificate && chosen?.subject && (
        <p className="hint">
          For {chosen.subject}
          {chosen.validTo && `, valid until ${new Date(chosen.validTo).toLocaleDateString()}`}.
        </p>
      )}
      {certificate && (
        <p className="hint" role="status">
          {keyLocked
            ? 'Its private key is protected by a passphrase: type it below.'
            : saved.loading
              ? 'Looking in the keychain…'
              : secretSaved
                ? `Its ${what} is saved in this computer's keychain.`
                : `Its ${what} is not saved yet: ${kind === 'pkcs12' ? 'type it below' : 'choose it'}.`}
        </p>
      )}
      <div className="button-row">
        <button type="button" onClick={() => void chooseCertificate()} disabled={choose.pending}>
          Choose client certificate…
        </button>
        {certificate && kind === 'pem' && (
          <button type="button" onClick={() => void chooseItsKey()} disabled={chooseKey.pending}>
            Choose its private key…
          </button>
        )}
        {certificate && (
          <button type="button" onClick={() => void remove()}>
            Remove client certificate
          </button>
        )}
      </div>
      {certificate && (kind === 'pkcs12' || keyLocked) && (
        <div className="field">
          <label htmlFor={`${id}-passphrase`}>
            {keyLocked ? 'Passphrase of the private key' : 'Passphrase of the certificate file'}
          </label>
          <div className="button-row">
            <input
              id={`${id}-passphrase`}
              ref={passphraseRef}
              type="password"
              autoComplete="off"
              spellCheck={false}
              aria-describedby={`${id}-passphrase-hint`}
            />
            <button
              type="button"
              onClick={() => void sendPassphrase()}
              disabled={savePassphrase.pending}
            >
              Save passphrase
            </button>
          </div>
          <p id={`${id}-passphrase-hint`} className="hint">
            The passphrase IT gave you with the file{keyLocked ? '' : ' (empty if it has none)'}. It
            is checked, then kept in this computer&apos;s keychain.
          </p>
        </div>
      )}
      <p className="hint">
        Only if the server asks for one (mutual TLS): the certificate IT gave you, as a PEM file
        with its private key, or one .p12 or .pfx file.
      </p>
      {problem && <ProblemCard problem={problem} />}
    </div>
  );
}
