import compress from 'koa-compress';
import type { ApiRouteHandler } from '../api-state';
import { COMPRESSION_THRESHOLD_BYTES } from '../http/prepared-body';

/**
 * On-the-fly compression for bodies built per request (event detail, admin lists, metrics). Mounted per
 * route, not app-wide: the search and docs routes send bodies compressed once, ahead of time.
 */
export function compressDynamic(): ApiRouteHandler {
  return compress({ threshold: COMPRESSION_THRESHOLD_BYTES }) as ApiRouteHandler;
}
