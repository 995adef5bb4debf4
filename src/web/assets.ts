import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { RequestHandler } from 'express';
import { chooseEncoding, varyOnEncoding, type Encoding } from './compression';
import { GOVUK_DIST } from './views';

/** A static file served from memory under a content-hashed name, in each encoding worth sending. */
interface Asset {
  type: string;
  bodies: Partial<Record<Encoding, Buffer>> & { identity: Buffer };
  offered: Encoding[];
}

/** The URLs pages link to. */
export interface AssetUrls {
  css: string;
  /** The stylesheet mirrored for right-to-left languages. */
  cssRtl: string;
  js: string;
  /** Development's live reload (`assets/live-reload.js`), only while the forms folder is watched. */
  liveReload?: string;
}

/**
 * The stylesheet: govuk-frontend's CSS and `assets/app.css`, without web fonts and unused rules.
 * Built by `npm run build:css` (scripts/build-css.ts) and committed.
 */
export const STYLESHEET = path.resolve(__dirname, '..', '..', 'assets', 'build', 'civic-forms.css');
const ASSETS_DIR = path.resolve(__dirname, '..', '..', 'assets');

function hashed(name: string, ext: string, body: Buffer): string {
  return `/assets/${name}-${createHash('sha256').update(body).digest('hex').slice(0, 12)}.${ext}`;
}

/** The body in every encoding, at the smallest settings can make: it is compressed once, at start-up. */
function encodings(identity: Buffer): Asset['bodies'] {
  const br = zlib.brotliCompressSync(identity, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
      [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: identity.length,
    },
  });
  const gzip = zlib.gzipSync(identity, { level: zlib.constants.Z_BEST_COMPRESSION });
  // A body too small to shrink is only ever sent as it is.
  return {
    identity,
    ...(br.length < identity.length ? { br } : {}),
    ...(gzip.length < identity.length ? { gzip } : {}),
  };
}

/**
 * govuk-frontend's module with a call to its `initAll()` appended, then the framework's own scripts
 * (each in a block of its own, so its names cannot meet govuk-frontend's): one request, where a
 * small module importing it would cost a second round trip before the page is enhanced.
 */
/** The framework's scripts under assets/, appended to the one module every page loads. */
// In this order: add-files.js leaves alone a submit scale-photos.js holds while it scales a photo.
const OWN_SCRIPTS = ['timeout.js', 'javascript-ran.js', 'scale-photos.js', 'add-files.js'];

function initModule(): Buffer {
  const file = path.join(GOVUK_DIST, 'govuk', 'govuk-frontend.min.js');
  const source = fs.readFileSync(file, 'utf8').replace(/\/\/# sourceMappingURL=.*$/m, '');
  const exported = [...source.matchAll(/export\{([^}]*)\}/g)].flatMap(([, names = '']) =>
    names.split(',').map((name) => name.trim()),
  );
  if (!exported.includes('initAll')) {
    throw new Error(`${file} no longer exports a top-level initAll: update src/web/assets.ts`);
  }
  const own = OWN_SCRIPTS.map(
    (name) => `{\n${fs.readFileSync(path.join(ASSETS_DIR, name), 'utf8')}}\n`,
  );
  return Buffer.from(`${source.trimEnd()}\ninitAll();\n${own.join('')}`);
}

function readStylesheet(file: string): Buffer {
  try {
    return fs.readFileSync(file);
  } catch (error) {
    throw new Error(`${file} cannot be read: run npm run build:css to build it`, {
      cause: error,
    });
  }
}

function withBrand(stylesheet: Buffer, css: string): Buffer {
  return css ? Buffer.concat([stylesheet, Buffer.from(`\n${css}`)]) : stylesheet;
}

/** Agencies' brand files: rules appended to the one stylesheet, and images (logos) by name. */
export interface BrandAssets {
  css: string;
  images: ReadonlyArray<{ name: string; file: string }>;
}

const IMAGE_TYPES: Record<string, string> = { svg: 'image/svg+xml', png: 'image/png' };

/**
 * Builds the assets once and returns their URLs and the middleware that serves them; brand images
 * are served the same way (hashed, immutable), their URLs in `images` by name. With `liveReload`
 * (development, the forms folder watched), the live reload's script too: a script of its own, so
 * the one every page loads is the same in development and production.
 */
export function createAssets(
  brand: BrandAssets = { css: '', images: [] },
  options: { liveReload?: boolean } = {},
): {
  urls: AssetUrls;
  images: ReadonlyMap<string, string>;
  serve: RequestHandler;
} {
  const files = new Map<string, Asset>();
  const add = (name: string, ext: string, body: Buffer, type: string) => {
    const url = hashed(name, ext, body);
    const bodies = encodings(body);
    files.set(url, { type, bodies, offered: Object.keys(bodies) as Encoding[] });
    return url;
  };
  const urls = {
    css: add('civic-forms', 'css', withBrand(readStylesheet(STYLESHEET), brand.css), 'text/css'),
    cssRtl: add(
      'civic-forms.rtl',
      'css',
      withBrand(readStylesheet(STYLESHEET.replace(/\.css$/, '.rtl.css')), brand.css),
      'text/css',
    ),
    js: add('govuk-frontend', 'js', initModule(), 'text/javascript'),
    ...(options.liveReload && {
      liveReload: add(
        'live-reload',
        'js',
        fs.readFileSync(path.join(ASSETS_DIR, 'live-reload.js')),
        'text/javascript',
      ),
    }),
  };
  const images = new Map(
    brand.images.map(({ name, file }) => {
      const ext = path.extname(file).slice(1);
      return [name, add(name, ext, fs.readFileSync(file), IMAGE_TYPES[ext] ?? 'image/png')];
    }),
  );
  const serve: RequestHandler = function serveAssets(req, res, next) {
    if (req.path === '/favicon.ico' && (req.method === 'GET' || req.method === 'HEAD')) {
      // Browsers ask for it when a page names no icon; answering "none" costs less than the 404 page.
      res.setHeader('Cache-Control', 'public, max-age=604800');
      res.status(204).end();
      return;
    }
    const asset = files.get(req.path);
    if (!asset) return next();
    const encoding = chooseEncoding(req.headers['accept-encoding'], asset.offered);
    const body = asset.bodies[encoding] ?? asset.bodies.identity;
    const text = asset.type.startsWith('text/') || asset.type === 'image/svg+xml';
    res.setHeader('Content-Type', text ? `${asset.type}; charset=utf-8` : asset.type);
    res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
    if (asset.offered.length > 1) varyOnEncoding(res);
    if (encoding !== 'identity') res.setHeader('Content-Encoding', encoding);
    res.setHeader('Content-Length', body.length);
    res.end(req.method === 'HEAD' ? undefined : body);
  };
  return { urls, images, serve };
}
