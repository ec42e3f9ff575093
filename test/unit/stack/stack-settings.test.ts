import path from 'node:path';
import { projectRoot } from '../../../scripts/stack/paths';
import { readStackSettings } from '../../../scripts/stack/stack-settings';

describe('readStackSettings', () => {
  it('with nothing set, starts its own servers on the documented ports, data in the clone', () => {
    expect(readStackSettings({})).toEqual({
      dataDir: path.join(projectRoot, '.data'),
      elasticsearch: { httpPort: 9200, transportPort: 9300, heapMb: 2048 },
      temporal: { port: 7233, uiPort: 8233 },
      apiPort: 3000,
      simulatorPort: 3100,
      adminToken: undefined,
      bookingApiKeys: undefined,
      feverUrl: undefined,
    });
  });

  it('moves every port, the heap and the data folder by environment variable', () => {
    const settings = readStackSettings({
      ELASTICSEARCH_PORT: '19200',
      ELASTICSEARCH_TRANSPORT_PORT: '19300',
      ELASTICSEARCH_HEAP_MB: '512',
      TEMPORAL_PORT: '17233',
      TEMPORAL_UI_PORT: '18233',
      API_PORT: '13000',
      SIMULATOR_PORT: '13100',
      EVENT_HUB_DATA_DIR: 'relative/data',
    });

    expect(settings).toMatchObject({
      dataDir: path.resolve('relative/data'),
      elasticsearch: { httpPort: 19200, transportPort: 19300, heapMb: 512 },
      temporal: { port: 17233, uiPort: 18233 },
      apiPort: 13000,
      simulatorPort: 13100,
    });
  });

  it('uses existing servers named by ELASTICSEARCH_URL and TEMPORAL_ADDRESS instead of starting them', () => {
    const settings = readStackSettings({
      ELASTICSEARCH_URL: 'http://10.0.0.5:9200',
      TEMPORAL_ADDRESS: '10.0.0.6:7233',
    });

    expect(settings.elasticsearch).toEqual({ url: 'http://10.0.0.5:9200' });
    expect(settings.temporal).toEqual({ address: '10.0.0.6:7233' });
  });

  it('fails before anything starts, naming the variable, when a value is invalid', () => {
    expect(() => readStackSettings({ TEMPORAL_UI_PORT: '70000' })).toThrow(/TEMPORAL_UI_PORT/);
    expect(() => readStackSettings({ ELASTICSEARCH_HEAP_MB: 'lots' })).toThrow(/ELASTICSEARCH_HEAP_MB/);
    expect(() => readStackSettings({ API_PORT: '0' })).toThrow(/API_PORT/);
  });
});
