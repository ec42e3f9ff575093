import { createHash } from 'node:crypto';
import { connect } from 'node:net';
import type { FeedControlInput } from '../../../src/simulator/feed-control';
import type { FeedStatus } from '../../../src/simulator/feed-state';
import type { Simulator } from '../../../src/simulator/create-simulator';

/** Drives the control API over HTTP, as a test in another process would. */
export async function postControl(
  simulator: Simulator,
  name: string,
  control: FeedControlInput,
): Promise<FeedStatus> {
  const res = await fetch(`${simulator.url}/control/feeds/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(control),
  });
  if (res.status !== 200) throw new Error(`control failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as FeedStatus;
}

/** Reads a feed's control status over HTTP. */
export async function getStatus(simulator: Simulator, name = 'fever'): Promise<FeedStatus> {
  return (await (await fetch(`${simulator.url}/control/feeds/${name}`)).json()) as FeedStatus;
}

/** Reads a body until it ends or fails, reporting how many bytes arrived before the failure. */
export async function readUntilError(res: Response): Promise<{ bytes: number; error: unknown }> {
  let bytes = 0;
  try {
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) bytes += chunk.length;
  } catch (error) {
    return { bytes, error };
  }
  return { bytes, error: null };
}

/** Hex SHA-256 of text chunks, as a file written from them would hash. */
export async function sha256Of(chunks: AsyncIterable<string | Uint8Array>): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of chunks) hash.update(chunk);
  return hash.digest('hex');
}

/** Concatenates text chunks. */
export async function collect(chunks: AsyncIterable<string>): Promise<string> {
  let text = '';
  for await (const chunk of chunks) text += chunk;
  return text;
}

/**
 * A GET over a bare socket, read until the server closes it: shows exactly which bytes were sent,
 * which fetch hides when the body fails (an errored stream drops the chunks still queued).
 */
export async function rawGet(url: string): Promise<{ head: string; body: Buffer }> {
  const { hostname, port, pathname } = new URL(url);
  const socket = connect(Number(port), hostname);
  socket.write(`GET ${pathname} HTTP/1.1\r\nHost: ${hostname}\r\nConnection: close\r\n\r\n`);
  const parts: Buffer[] = [];
  for await (const part of socket) parts.push(part as Buffer);
  const raw = Buffer.concat(parts);
  const split = raw.indexOf('\r\n\r\n');
  return { head: raw.subarray(0, split).toString('latin1'), body: raw.subarray(split + 4) };
}
