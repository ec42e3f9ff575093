// Integration tests drive real servers and real syncs; their own assertions bound what matters.
jest.setTimeout(120_000);
