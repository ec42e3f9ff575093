import { indexNames } from '../../../src/search/index-names';
import {
  lensLayers,
  readSavedObjects,
  type LensColumn,
  type SavedObject,
} from '../../support/kibana-saved-objects';

// The versions Kibana 8.19 writes into an export; an import migrates objects from them onwards.
const TYPE_MIGRATION_VERSIONS: Record<string, string> = {
  'index-pattern': '8.0.0',
  lens: '8.9.0',
  search: '10.2.0',
  dashboard: '10.2.0',
};

interface Panel {
  type: string;
  panelIndex: string;
  panelRefName: string;
  gridData: { x: number; y: number; w: number; h: number; i: string };
}

describe('kibana/saved-objects.ndjson', () => {
  const { objects, summary } = readSavedObjects();
  const ofType = (type: string): SavedObject[] => objects.filter((o) => o.type === type);
  const panelsOf = (dashboard: SavedObject): Panel[] =>
    JSON.parse(dashboard.attributes.panelsJSON as string) as Panel[];

  it('is an export Kibana 8.19 imports: known types with their migration versions, then the summary line', () => {
    for (const object of objects) {
      expect(TYPE_MIGRATION_VERSIONS).toHaveProperty([object.type]);
      expect([object.coreMigrationVersion, object.typeMigrationVersion]).toEqual([
        '8.8.0',
        TYPE_MIGRATION_VERSIONS[object.type],
      ]);
      expect(typeof object.attributes.title).toBe('string');
    }
    expect(new Set(objects.map((o) => `${o.type}:${o.id}`)).size).toBe(objects.length);
    expect(summary).toMatchObject({ exportedCount: objects.length, missingRefCount: 0 });
  });

  it('has a data view with a time field for each index analysts query, titled as the default prefix names it', () => {
    const names = indexNames('eventhub');
    const views = Object.fromEntries(
      ofType('index-pattern').map((v) => [v.attributes.title, v.attributes.timeFieldName]),
    );
    expect(views).toEqual({
      [names.events]: 'starts_at',
      [names.eventHistory]: 'fetched_at',
      [names.zonePrices]: 'month',
      [names.syncRuns]: 'started_at',
      [names.rejects]: 'rejected_at',
      [names.bookings]: 'held_at',
      [names.zoneAvailability]: 'updated_at',
      [names.slots]: 'starts_at',
    });
  });

  it('refers only to objects it holds, so an import resolves every reference', () => {
    const held = new Set(objects.map((o) => `${o.type}:${o.id}`));
    const dangling = objects.flatMap((o) =>
      o.references.filter((r) => !held.has(`${r.type}:${r.id}`)).map((r) => `${o.id} -> ${r.type}:${r.id}`),
    );
    expect(dangling).toEqual([]);
  });

  it('keeps each Lens layer whole: a data view per layer, columns in order, every accessor a column', () => {
    for (const lens of ofType('lens')) {
      const layers = lensLayers(lens);
      expect(layers.length).toBeGreaterThan(0);
      for (const [layerId, layer] of layers) {
        expect(lens.references).toContainEqual(
          expect.objectContaining({
            name: `indexpattern-datasource-layer-${layerId}`,
            type: 'index-pattern',
          }),
        );
        expect([...layer.columnOrder].sort()).toEqual(Object.keys(layer.columns).sort());
        const ordering = Object.values(layer.columns).flatMap((c) => c.params?.orderBy?.columnId ?? []);
        for (const id of [...accessorsOf(lens), ...ordering]) expect(layer.columns).toHaveProperty([id]);
      }
    }
  });

  it('lays out the Sync health and Events and prices dashboards, every panel referenced, none overlapping', () => {
    const dashboards = ofType('dashboard');
    expect(dashboards.map((d) => d.attributes.title).sort()).toEqual(['Events and prices', 'Sync health']);
    for (const dashboard of dashboards) {
      const panels = panelsOf(dashboard);
      for (const panel of panels) {
        expect(panel.panelRefName).toBe(`panel_${panel.panelIndex}`);
        expect(dashboard.references).toContainEqual(
          expect.objectContaining({ name: `${panel.panelIndex}:${panel.panelRefName}`, type: panel.type }),
        );
        expect(panel.gridData.x + panel.gridData.w).toBeLessThanOrEqual(48);
      }
      expect(overlaps(panels)).toEqual([]);
    }
  });

  it('shows on Sync health runs by outcome, durations, event counts and the failures with their error', () => {
    const titles = panelTitles('Sync health');
    expect(titles).toEqual(
      expect.arrayContaining([
        'Sync runs per provider and outcome',
        'Sync duration per provider',
        'Events new, changed, unlisted and rejected',
        'Last failed sync runs',
      ]),
    );
    const failures = objects.find((o) => o.attributes.title === 'Last failed sync runs');
    expect(failures?.attributes.columns).toEqual(
      expect.arrayContaining(['provider_id', 'error_type', 'error']),
    );
  });

  it('shows on Events and prices providers, price distributions, capacity left, start months and price history', () => {
    expect(panelTitles('Events and prices')).toEqual(
      expect.arrayContaining([
        'Events by provider',
        'Minimum price distribution',
        'Maximum price distribution',
        'Capacity left by start month',
        'Events per start month',
        'Zone prices by zone name and provider',
        'Price over time',
      ]),
    );
  });

  it('averages zone prices over zones, as the sum of price_sum over the sum of zones, never as a mean of means', () => {
    const lens = objects.find((o) => o.id === 'eventhub-zone-prices-by-name')!;
    const [, layer] = lensLayers(lens)[0]!;
    const columns = layer.columns as Record<string, LensColumn & { params?: { formula?: string } }>;
    const parts = Object.values(columns).filter((c) => c.label === 'Part of Average price' && c.sourceField);

    expect(columns.avg?.params?.formula).toBe('sum(price_sum) / sum(zones)');
    expect(parts.map((c) => [c.operationType, c.sourceField])).toEqual([
      ['sum', 'price_sum'],
      ['sum', 'zones'],
    ]);
    expect(Object.values(columns).map((c) => c.sourceField)).not.toContain('avg_price');
  });

  function panelTitles(dashboardTitle: string): unknown[] {
    const dashboard = objects.find((o) => o.type === 'dashboard' && o.attributes.title === dashboardTitle)!;
    return dashboard.references.map((r) => objects.find((o) => o.id === r.id)?.attributes.title);
  }
});

function accessorsOf(lens: SavedObject): string[] {
  const visualization = (lens.attributes.state as { visualization: Record<string, unknown> }).visualization;
  const layers = (visualization.layers as Record<string, unknown>[] | undefined) ?? [visualization];
  return layers.flatMap((layer) =>
    [
      layer.xAccessor,
      layer.splitAccessor,
      layer.metricAccessor,
      ...((layer.accessors as string[] | undefined) ?? []),
      ...((layer.primaryGroups as string[] | undefined) ?? []),
      ...((layer.metrics as string[] | undefined) ?? []),
      ...((layer.columns as { columnId: string }[] | undefined) ?? []).map((c) => c.columnId),
    ].filter((id): id is string => typeof id === 'string'),
  );
}

function overlaps(panels: Panel[]): string[] {
  const found: string[] = [];
  panels.forEach((a, i) =>
    panels.slice(i + 1).forEach((b) => {
      const apart =
        a.gridData.x + a.gridData.w <= b.gridData.x ||
        b.gridData.x + b.gridData.w <= a.gridData.x ||
        a.gridData.y + a.gridData.h <= b.gridData.y ||
        b.gridData.y + b.gridData.h <= a.gridData.y;
      if (!apart) found.push(`${a.panelIndex} and ${b.panelIndex}`);
    }),
  );
  return found;
}
