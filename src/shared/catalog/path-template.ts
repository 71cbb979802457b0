/**
 * Path templates such as /api/v1/providers/custom/{id}/datasources/{ds}:push. A parameter
 * stands for one path segment, up to the next "/" or ":" (Veza's action suffix).
 */

const parameterPattern = /\{(\w+)\}/g;

function templateRegExp(template: string, matchPrefix: boolean): RegExp {
  const names: string[] = [];
  const source = template
    .split(parameterPattern)
    .map((part, index) => {
      if (index % 2 === 1) {
        names.push(part);
        return '([^/:?#]+)';
      }
      return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('');
  return new RegExp(`^${source}${matchPrefix ? '' : '/?$'}`);
}

/** The parameter names of a template, in order. */
export function pathTemplateParams(template: string): string[] {
  return [...template.matchAll(parameterPattern)].map((match) => match[1] ?? '');
}

/** The parameter values when `path` is an instance of `template`, else undefined. */
export function matchPathTemplate(
  template: string,
  path: string,
): Record<string, string> | undefined {
  const match = templateRegExp(template, false).exec(path);
  if (!match) return undefined;
  const names = pathTemplateParams(template);
  return Object.fromEntries(names.map((name, index) => [name, match[index + 1] ?? '']));
}

/**
 * Puts values into a template. Each value is percent-encoded as one segment, so an ID with
 * "/" or "?" in it cannot change which call is made. Missing values keep their {name}.
 */
export function fillPathTemplate(template: string, values: Record<string, string>): string {
  return template.replace(parameterPattern, (whole, name: string) => {
    const value = values[name];
    return value === undefined || value === '' ? whole : encodeURIComponent(value);
  });
}
