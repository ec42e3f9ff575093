import { parseSimulatorArgs, SimulatorArgsError } from '../../../src/simulator/parse-simulator-args';

describe('parseSimulatorArgs', () => {
  it('leaves everything to config when no flag is given', () => {
    expect(parseSimulatorArgs([])).toStrictEqual({
      host: undefined,
      port: undefined,
      initialControl: undefined,
      partnerApiKey: undefined,
    });
  });

  it('reads --host, --port and --sample', () => {
    expect(parseSimulatorArgs(['--host', '0.0.0.0', '--port', '0', '--sample', '2'])).toEqual({
      host: '0.0.0.0',
      port: 0,
      initialControl: { sample: 2 },
    });
  });

  it('starts in generated mode with --events and its companions', () => {
    const args = parseSimulatorArgs([
      '--events=1000',
      '--zones=2',
      '--seed=5',
      '--changed-percent=1',
      '--variant=3',
    ]);
    expect(args.initialControl).toEqual({
      generate: { events: 1000, zones: 2, seed: 5, changedPercent: 1, variant: 3 },
    });
  });

  it("reads the partner APIs' key from --partner-api-key, and refuses an empty one", () => {
    expect(parseSimulatorArgs(['--partner-api-key', 'k-123']).partnerApiKey).toBe('k-123');
    expect(() => parseSimulatorArgs(['--partner-api-key', ''])).toThrow(
      '--partner-api-key must not be empty',
    );
  });

  it('rejects unknown flags, non-numbers and --sample with --events', () => {
    expect(() => parseSimulatorArgs(['--nope'])).toThrow(SimulatorArgsError);
    expect(() => parseSimulatorArgs(['--port', 'abc'])).toThrow('--port must be a number');
    expect(() => parseSimulatorArgs(['--sample', '1', '--events', '5'])).toThrow('mutually exclusive');
  });
});
