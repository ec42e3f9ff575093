import { readFileSync } from 'node:fs';
import path from 'node:path';
import type Router from '@koa/router';
import { NotFoundError } from '../api-errors';
import type { ApiState } from '../api-state';
import { prepareOnce } from '../http/prepare-once';
import type { PreparedBody } from '../http/prepared-body';
import { sendPreparedBody } from '../http/send-prepared-body';
import { DOCS_CONTENT_SECURITY_POLICY } from '../http/security-headers';

// Asset URLs are absolute so the page works at both /docs and /docs/.
const INDEX_HTML = `<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Event hub API</title>
    <link rel="stylesheet" href="/docs/swagger-ui.css" />
    <link rel="icon" type="image/png" href="/docs/favicon-32x32.png" sizes="32x32" />
  </head>
  <body>
    <div id="swagger-ui"></div>
    <script src="/docs/swagger-ui-bundle.js"></script>
    <script src="/docs/swagger-initializer.js"></script>
  </body>
</html>
`;

// A file rather than an inline script, so the Content-Security-Policy can stay at script-src 'self'.
// validatorUrl null: the default badge would call validator.swagger.io, a third-party origin.
const INITIALIZER_JS = `window.addEventListener('load', function () {
  window.ui = SwaggerUIBundle({
    url: '/openapi.json',
    dom_id: '#swagger-ui',
    deepLinking: true,
    validatorUrl: null,
    presets: [SwaggerUIBundle.presets.apis],
    layout: 'BaseLayout',
  });
});
`;

const SWAGGER_UI_FILES: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
  'favicon-32x32.png': 'image/png',
  'favicon-16x16.png': 'image/png',
};

/** `GET /docs`: Swagger UI over `/openapi.json`, served from the swagger-ui-dist package (no CDN). */
export function registerDocsRoutes(router: Router<ApiState>): void {
  const assets = docsAssets();
  const index = prepareOnce(() => Buffer.from(INDEX_HTML), 'text/html; charset=utf-8');
  router.get(['/docs', '/docs/'], async (ctx) => {
    ctx.res.setHeader('Content-Security-Policy', DOCS_CONTENT_SECURITY_POLICY);
    sendPreparedBody(ctx, await index());
  });
  router.get('/docs/:file', async (ctx) => {
    const asset = assets.get(ctx.params.file ?? '');
    if (!asset) throw new NotFoundError(`no docs asset ${ctx.params.file}`);
    sendPreparedBody(ctx, await asset(), 'public, max-age=3600');
  });
}

function docsAssets(): Map<string, () => Promise<PreparedBody>> {
  const distDir = path.dirname(require.resolve('swagger-ui-dist/package.json'));
  const assets = new Map<string, () => Promise<PreparedBody>>();
  for (const [file, type] of Object.entries(SWAGGER_UI_FILES)) {
    assets.set(
      file,
      prepareOnce(() => readFileSync(path.join(distDir, file)), type),
    );
  }
  assets.set(
    'swagger-initializer.js',
    prepareOnce(() => Buffer.from(INITIALIZER_JS), 'text/javascript; charset=utf-8'),
  );
  return assets;
}
