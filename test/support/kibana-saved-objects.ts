import { readFileSync } from 'node:fs';
import path from 'node:path';

/** The saved objects compose imports into Kibana. */
export const SAVED_OBJECTS_FILE = path.resolve(__dirname, '../../kibana/saved-objects.ndjson');

/** One saved object as Kibana exports it. */
export interface SavedObject {
  id: string;
  type: string;
  attributes: Record<string, unknown>;
  references: { id: string; name: string; type: string }[];
  coreMigrationVersion?: string;
  typeMigrationVersion?: string;
}

/** The summary line Kibana ends an export with. */
export interface ExportSummary {
  exportedCount: number;
  missingRefCount: number;
}

/** A Lens column as the form-based data source stores it. */
export interface LensColumn {
  label: string;
  dataType: string;
  operationType: string;
  sourceField?: string;
  params?: { secondaryFields?: string[]; sortField?: string; orderBy?: { columnId?: string } };
}

/** A field a saved object reads from a data view, and what it needs of it. */
export interface FieldUse {
  objectId: string;
  dataViewId: string;
  field: string;
  /** Lens aggregates on every field it reads; a saved search only shows (columns) or sorts. */
  aggregatable: boolean;
  /** The Lens column's data type, when a column reads it. */
  dataType?: string;
}

/** The objects of the file and its closing summary line. */
export function readSavedObjects(): { objects: SavedObject[]; summary: ExportSummary } {
  const lines = readFileSync(SAVED_OBJECTS_FILE, 'utf8').split('\n').filter(Boolean);
  const parsed = lines.map((line) => JSON.parse(line) as SavedObject | ExportSummary);
  const summary = parsed.at(-1) as ExportSummary;
  return { objects: parsed.slice(0, -1) as SavedObject[], summary };
}

/** The layers of a Lens object: id and columns. */
export function lensLayers(
  lens: SavedObject,
): [string, { columns: Record<string, LensColumn>; columnOrder: string[] }][] {
  const state = lens.attributes.state as {
    datasourceStates: {
      formBased: { layers: Record<string, { columns: Record<string, LensColumn>; columnOrder: string[] }> };
    };
  };
  return Object.entries(state.datasourceStates.formBased.layers);
}

/** Every field the Lens objects and saved searches of `objects` read, with the data view it is read from. */
export function fieldUses(objects: SavedObject[]): FieldUse[] {
  return objects.flatMap((object) => {
    if (object.type === 'lens') return lensFieldUses(object);
    if (object.type === 'search') return searchFieldUses(object);
    return [];
  });
}

function lensFieldUses(lens: SavedObject): FieldUse[] {
  return lensLayers(lens).flatMap(([layerId, layer]) => {
    const dataViewId = referenceId(lens, `indexpattern-datasource-layer-${layerId}`);
    return Object.values(layer.columns).flatMap((column) => {
      const use = (field: string, dataType?: string): FieldUse => ({
        objectId: lens.id,
        dataViewId,
        field,
        aggregatable: true,
        dataType,
      });
      const uses: FieldUse[] = [];
      if (column.sourceField && column.sourceField !== '___records___')
        uses.push(use(column.sourceField, column.dataType));
      for (const field of column.params?.secondaryFields ?? []) uses.push(use(field, 'string'));
      if (column.params?.sortField) uses.push(use(column.params.sortField, 'date'));
      return uses;
    });
  });
}

function searchFieldUses(search: SavedObject): FieldUse[] {
  const dataViewId = referenceId(search, 'kibanaSavedObjectMeta.searchSourceJSON.index');
  const columns = search.attributes.columns as string[];
  const sort = (search.attributes.sort as [string, string][]).map(([field]) => field);
  return [
    ...columns.map((field) => ({ objectId: search.id, dataViewId, field, aggregatable: false })),
    ...sort.map((field) => ({ objectId: search.id, dataViewId, field, aggregatable: true })),
  ];
}

/** The id a named reference of `object` points at; throws when it has none of that name. */
export function referenceId(object: SavedObject, name: string): string {
  const found = object.references.find((reference) => reference.name === name);
  if (!found) throw new Error(`${object.type} ${object.id} has no reference named ${name}`);
  return found.id;
}
