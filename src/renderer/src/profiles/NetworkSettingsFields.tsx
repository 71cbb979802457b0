import { useId, useState, type RefObject } from 'react';
import type {
  NetworkForm,
  NetworkFormField,
  NetworkFormProblem,
} from '../../../shared/profiles/network-form';
import { veza } from '../bridge/veza';
import { ClientCertificateField } from './ClientCertificateField';
import { NetworkTextField } from './NetworkTextField';
import { ProxyPasswordField } from './ProxyPasswordField';
import { useProfilesStore } from '../data/profiles-store';
import './network-settings.css';

interface NetworkSettingsFieldsProps {
  value: NetworkForm;
  onChange: (value: NetworkForm) => void;
  /** Shown once the user tried to save. */
  problems: readonly NetworkFormProblem[];
  /** Where the form reads a proxy password from when it saves (never held in state). */
  proxyPasswordRef: RefObject<HTMLInputElement | null>;
  startOpen?: boolean;
}

const proxyChoices = [
  { mode: 'system', label: "Use this computer's proxy settings" },
  { mode: 'none', label: 'Connect directly, no proxy' },
  { mode: 'manual', label: 'Use this proxy' },
] as const;

const timeoutFields = [
  {
    name: 'connectSeconds',
    label: 'Connection timeout (seconds)',
    hint: 'How long to wait to reach the server. Empty: the default.',
  },
  {
    name: 'responseSeconds',
    label: 'Response timeout (seconds)',
    hint: 'How long to wait for Veza to start answering. Empty: the default.',
  },
  {
    name: 'checkSeconds',
    label: 'Check time limit (seconds)',
    hint: 'How long one Verify may take from start to end. Empty: 30 seconds.',
  },
] as const;

/**
 * Proxy, company root certificate, client certificate and timeouts for this instance, folded
 * away: most instances need none of them. Files are picked in main's own open dialogs.
 */
export function NetworkSettingsFields({
  value,
  onChange,
  problems,
  proxyPasswordRef,
  startOpen = false,
}: NetworkSettingsFieldsProps) {
  const id = useId();
  const showProblem = useProfilesStore((state) => state.showProblem);
  const changed =
    value.proxyMode !== 'system' ||
    value.caFile !== '' ||
    value.clientCertificate !== undefined ||
    value.connectSeconds !== '' ||
    value.responseSeconds !== '' ||
    value.checkSeconds !== '';
  const [open, setOpen] = useState(startOpen || changed || problems.length > 0);
  const set = (changes: Partial<NetworkForm>) => onChange({ ...value, ...changes });
  const errorOf = (field: NetworkFormField) => problems.find((p) => p.field === field)?.message;
  const chooseCaFile = async () => {
    const answer = await veza.invoke('profiles.chooseCaFile', undefined);
    if (!answer.ok) showProblem(answer.problem);
    else if (answer.value.path) set({ caFile: answer.value.path });
  };
  return (
    <details
      className="network-settings"
      open={open || problems.length > 0}
      onToggle={(event) => setOpen(event.currentTarget.open)}
    >
      <summary>Network settings (proxy, certificate, timeouts)</summary>
      <fieldset className="field">
        <legend>Proxy</legend>
        {proxyChoices.map((choice) => (
          <label key={choice.mode} className="checkbox">
            <input
              type="radio"
              name={`${id}-proxy`}
              checked={value.proxyMode === choice.mode}
              onChange={() => set({ proxyMode: choice.mode })}
            />
            {choice.label}
          </label>
        ))}
        {value.proxyMode === 'manual' && (
          <NetworkTextField
            label="Proxy address"
            value={value.proxyUrl}
            onChange={(proxyUrl) => set({ proxyUrl })}
            inputMode="url"
            placeholder="http://proxy.example.com:8080"
            hint="Ask your IT team. Leave any password out: it is not saved here."
            error={errorOf('proxyUrl')}
          />
        )}
        {value.proxyMode === 'manual' && <ProxyPasswordField inputRef={proxyPasswordRef} />}
      </fieldset>
      <div className="field">
        <p className="ca-file-line">
          Company root certificate (CA file):{' '}
          <span className="ca-file">
            {value.caFile || 'none, only the certificates this computer trusts'}
          </span>
        </p>
        <div className="button-row">
          <button type="button" onClick={() => void chooseCaFile()}>
            Choose CA file…
          </button>
          {value.caFile && (
            <button type="button" onClick={() => set({ caFile: '' })}>
              Remove CA file
            </button>
          )}
        </div>
        <p className="hint">
          Only if your company inspects secure connections: its root certificate, as a PEM file.
        </p>
      </div>
      <ClientCertificateField
        certificate={value.clientCertificate}
        onChange={(clientCertificate) => {
          const { clientCertificate: _old, ...rest } = value;
          onChange(clientCertificate ? { ...rest, clientCertificate } : rest);
        }}
      />
      {timeoutFields.map((field) => (
        <NetworkTextField
          key={field.name}
          label={field.label}
          value={value[field.name]}
          onChange={(text) => set({ [field.name]: text })}
          inputMode="decimal"
          placeholder="default"
          hint={field.hint}
          error={errorOf(field.name)}
        />
      ))}
    </details>
  );
}
