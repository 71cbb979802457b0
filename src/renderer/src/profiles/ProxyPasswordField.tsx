import { useId, type RefObject } from 'react';

/**
 * The proxy user's password, for a proxy that asks for a sign-in. Uncontrolled on purpose (no
 * React state would mirror it into the page); main keeps it in the keychain, never in a file.
 */
export function ProxyPasswordField({ inputRef }: { inputRef: RefObject<HTMLInputElement | null> }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>Proxy password</label>
      <input
        id={id}
        ref={inputRef}
        type="password"
        autoComplete="off"
        spellCheck={false}
        aria-describedby={`${id}-hint`}
      />
      <p id={`${id}-hint`} className="hint">
        Only if the proxy asks for a sign-in: put the user name in the address
        (http://name@proxy.example.com:8080) and the password here. It is kept in this
        computer&apos;s keychain. Leave it empty to keep the one saved before.
      </p>
    </div>
  );
}
