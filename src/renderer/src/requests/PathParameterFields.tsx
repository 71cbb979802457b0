import { useId, useState, type FormEvent } from 'react';
import { fillPathTemplate, pathTemplateParams } from '../../../shared/catalog/path-template';

/**
 * One labelled field per `{name}` left in the path (e.g. the team id of /api/v1/teams/{id}),
 * so nobody has to edit braces inside a URL. "Fill in" puts the values into the path, each
 * encoded as one path segment.
 */
export function PathParameterFields({
  path,
  onFill,
}: {
  path: string;
  onFill: (path: string) => void;
}) {
  const ids = useId();
  const names = pathTemplateParams(path);
  const [values, setValues] = useState<Record<string, string>>({});
  if (names.length === 0) return null;
  const fill = (event: FormEvent) => {
    event.preventDefault();
    onFill(fillPathTemplate(path, values));
    setValues({});
  };
  return (
    <form className="path-parameters" aria-label="Path parameters" onSubmit={fill}>
      <p className="muted">
        This call needs a value in its address for: {names.map((name) => `{${name}}`).join(', ')}.
      </p>
      {names.map((name) => (
        <div className="field" key={name}>
          <label htmlFor={`${ids}-${name}`}>{name}</label>
          <input
            id={`${ids}-${name}`}
            value={values[name] ?? ''}
            autoComplete="off"
            spellCheck={false}
            onChange={(event) => setValues({ ...values, [name]: event.target.value })}
          />
        </div>
      ))}
      <button type="submit" disabled={names.every((name) => !values[name])}>
        Fill in
      </button>
    </form>
  );
}
