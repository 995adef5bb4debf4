import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { RequestHandler } from 'express';
import { GOVUK_DIST } from './views';

/** A static file served from memory under a content-hashed name. */
interface Asset {
  body: Buffer;
  type: string;
}

/** The URLs pages link to. */
export interface AssetUrls {
  css: string;
  js: string;
}

const ASSETS_DIR = path.resolve(__dirname, '..', '..', 'assets');

function hashed(name: string, ext: string, body: Buffer): string {
  return `/assets/${name}-${createHash('sha256').update(body).digest('hex').slice(0, 12)}.${ext}`;
}

/** govuk-frontend's CSS without its web fonts, followed by the framework's own rules. */
function buildCss(): Buffer {
  const govuk = fs.readFileSync(path.join(GOVUK_DIST, 'govuk', 'govuk-frontend.min.css'), 'utf8');
  const withoutFonts = govuk
    .replace(/@font-face\{[^}]*\}/g, '')
    .replace(/\/\*# sourceMappingURL=[^*]*\*\//, '');
  return Buffer.from(withoutFonts + fs.readFileSync(path.join(ASSETS_DIR, 'app.css'), 'utf8'));
}

/** Builds the assets once and returns their URLs and the middleware that serves them. */
export function createAssets(): { urls: AssetUrls; serve: RequestHandler } {
  const files = new Map<string, Asset>();
  const add = (name: string, ext: string, body: Buffer, type: string) => {
    const url = hashed(name, ext, body);
    files.set(url, { body, type });
    return url;
  };
  const govukJs = fs
    .readFileSync(path.join(GOVUK_DIST, 'govuk', 'govuk-frontend.min.js'), 'utf8')
    .replace(/\/\/# sourceMappingURL=.*$/m, '');
  const govukUrl = add('govuk-frontend', 'js', Buffer.from(govukJs), 'text/javascript');
  const init = `import{initAll}from"${govukUrl}";initAll();\n`;
  const urls = {
    css: add('app', 'css', buildCss(), 'text/css'),
    js: add('init', 'js', Buffer.from(init), 'text/javascript'),
  };
  const serve: RequestHandler = function serveAssets(req, res, next) {
    const asset = files.get(req.path);
    if (!asset) return next();
    res.setHeader('Content-Type', `${asset.type}; charset=utf-8`);
    res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
    res.end(asset.body);
  };
  return { urls, serve };
}
