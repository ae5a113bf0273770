import committed from '../../schema/policy.schema.json' with { type: 'json' };
import { RULES } from '../rules/index.js';
import { LANGS } from '../types.js';

/**
 * The policy's JSON Schema. Its `rules` section is made from the rules' own metas (ids, titles,
 * options schemas), so a new rule is configurable the moment it is registered; `npm run build`
 * writes the result back to schema/policy.schema.json for editors, and CI fails when that is stale.
 * `lang` is added here too, from the one list of report languages the reports and --lang use,
 * `consent.withdraw` beside the banner's selectors, and `declaration` (where the cookie declaration is).
 */
export function policySchema(): Record<string, unknown> {
  const properties = Object.fromEntries(
    RULES.map(({ meta }) => {
      const setting = { $ref: '#/$defs/setting' };
      const schema = meta.options
        ? {
            description: `${meta.title}. A severity, or [severity, options].`,
            oneOf: [setting, { type: 'array', prefixItems: [setting, meta.options.schema], minItems: 2, items: false }],
          }
        : { description: meta.title, ...setting };
      return [meta.id, schema];
    }),
  );
  const lang = {
    enum: [...LANGS],
    description:
      'The language of the console summary, markdown, job summary and HTML report: en, nl or fr. Default: nl for the nl and nl-government jurisdictions, else en. JSON and SARIF stay in English.',
  };
  // The selector of the control that reopens the consent choice after accepting (the after-withdraw visit).
  const withdraw = { type: 'string', minLength: 1, description: 'The link or button that opens the consent choice again after accepting (a "Cookie settings" footer link).' };
  const consent = { ...committed.$defs.consent, properties: { ...committed.$defs.consent.properties, withdraw } };
  const declaration = {
    type: 'object',
    additionalProperties: false,
    minProperties: 1,
    description: 'Where the cookie declaration is, when the pages do not link it (rule cookie-not-declared). Default: the cookie and privacy policy pages each page links, and the consent manager\'s cookie lists.',
    properties: {
      page: { type: 'string', minLength: 1, description: 'The declaration page, a path on the site ("/cookies/") or a URL: read instead of the linked pages.' },
      selector: { type: 'string', minLength: 1, description: 'CSS selector of the element that holds the declaration: on `page`; without it, on each scanned page, beside the linked pages.' },
    },
  };
  return { ...committed, properties: { ...committed.properties, lang, declaration }, $defs: { ...committed.$defs, consent, rules: { ...committed.$defs.rules, properties } } };
}
