import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import {
  availabilityJsonSchema,
  resolveAvailabilityJson,
  type AvailabilityJsonSettings,
} from './availability-json/availability-json-settings';
import { syncName, WHOLE_FEED, type SyncScope } from '../domain/sync-scope';
import { budgetProblem } from './availability-json/request-plan';
import { ProvidersFileError } from './settings-fields';
import {
  resolveXmlEventList,
  xmlEventListSchema,
  type XmlEventListSettings,
} from './xml-event-list/xml-event-list-settings';

export { durationMs, ProvidersFileError } from './settings-fields';

/** One provider as configured: the settings of its kind. */
export type ProviderSettings = XmlEventListSettings | AvailabilityJsonSettings;

/** A provider kind name; each has its folder under src/providers/. */
export type ProviderKind = ProviderSettings['kind'];

/** Every provider kind the hub serves; adding one is a folder and an entry here. */
export const providerKinds = ['xml-event-list', 'availability-json'] as const satisfies ProviderKind[];

const providerSchema = z.discriminatedUnion('kind', [xmlEventListSchema, availabilityJsonSchema]);

const fileSchema = z
  .object({
    providers: z.array(
      z
        .object({
          kind: z.enum(providerKinds, {
            error: `must be a provider kind the hub serves: ${providerKinds.join(', ')}`,
          }),
        })
        .passthrough()
        .pipe(providerSchema),
    ),
  })
  .strict();

/**
 * Reads and validates the providers file; `feverUrl` replaces the URL of the provider named `fever`,
 * `partnerUrl` the base URL of the one named `partner`.
 */
export function loadProviderSettings(
  file: string,
  options: { feverUrl?: string; partnerUrl?: string; env: (name: string) => string | undefined },
): ProviderSettings[] {
  let raw: unknown;
  try {
    raw = parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ProvidersFileError(`cannot read providers file ${file}: ${(error as Error).message}`);
  }
  const parsed = fileSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ProvidersFileError(`invalid providers file ${file}: ${problems.join('; ')}`);
  }
  const ids = parsed.data.providers.map((p) => p.id);
  const duplicate = ids.find((id, i) => ids.indexOf(id) !== i);
  if (duplicate)
    throw new ProvidersFileError(`invalid providers file ${file}: provider id ${duplicate} is repeated`);
  const collision = syncNameCollision(parsed.data.providers);
  if (collision) throw new ProvidersFileError(`invalid providers file ${file}: ${collision}`);
  const overBudget = parsed.data.providers.flatMap((provider) =>
    provider.kind === 'availability-json' ? (budgetProblem(provider) ?? []) : [],
  );
  if (overBudget.length > 0)
    throw new ProvidersFileError(`invalid providers file ${file}: ${overBudget.join('; ')}`);
  return parsed.data.providers.map((provider) =>
    provider.kind === 'xml-event-list'
      ? resolveXmlEventList(provider, options)
      : resolveAvailabilityJson(provider, options),
  );
}

/** Two providers whose scopes would share a schedule name (`sync-a-b-c`: provider a-b's window c, a's b-c). */
function syncNameCollision(providers: z.infer<typeof providerSchema>[]): string | null {
  const owners = new Map<string, string>();
  for (const provider of providers) {
    const scopes: SyncScope[] =
      provider.kind === 'xml-event-list'
        ? [WHOLE_FEED]
        : Object.keys(provider.windows).map((window) => ({ type: 'window', window }));
    for (const scope of scopes) {
      const name = syncName(provider.id, scope);
      const owner = owners.get(name);
      if (owner !== undefined && owner !== provider.id)
        return `providers ${owner} and ${provider.id} both sync as ${name}`;
      owners.set(name, provider.id);
    }
  }
  return null;
}

/** Whether `provider` is of `kind`, narrowing its settings. */
export function isProviderOfKind<K extends ProviderKind>(
  provider: ProviderSettings,
  kind: K,
): provider is Extract<ProviderSettings, { kind: K }> {
  return provider.kind === kind;
}
