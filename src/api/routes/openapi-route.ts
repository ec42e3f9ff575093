import type Router from '@koa/router';
import type { ApiState } from '../api-state';
import { prepareOnce } from '../http/prepare-once';
import { sendPreparedBody } from '../http/send-prepared-body';
import type { OpenApiDocument } from '../openapi/openapi-document';

/** `GET /openapi.json`: the contract plus the extension endpoints, serialized and compressed once. */
export function registerOpenApiRoute(router: Router<ApiState>, document: OpenApiDocument): void {
  const body = prepareOnce(() => Buffer.from(JSON.stringify(document)), 'application/json; charset=utf-8');
  router.get('/openapi.json', async (ctx) => {
    sendPreparedBody(ctx, await body());
  });
}
