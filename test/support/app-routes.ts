import type { CivicFormsApp } from '../../src/web/app';

/** What express keeps of a layer: its path as given, and its route or its router's own layers. */
interface Layer {
  rawPath?: string | string[];
  route?: { path: string | string[]; methods: Record<string, boolean> };
  handle: { stack?: Layer[] };
}

/**
 * Every route an app answers, as `METHOD /path` with the paths as written in the code (`:params`
 * kept), found by walking express's router and every router mounted in it: a route added anywhere
 * is in this list without anyone writing it down.
 */
export function appRoutes(app: CivicFormsApp): string[] {
  const found: string[] = [];
  const walk = (stack: Layer[], prefix: string) => {
    for (const layer of stack) {
      if (layer.route) {
        const paths = ([] as string[]).concat(layer.route.path);
        for (const method of Object.keys(layer.route.methods)) {
          for (const path of paths) found.push(`${method.toUpperCase()} ${prefix}${path}`);
        }
      } else if (layer.handle.stack && typeof layer.rawPath === 'string') {
        walk(layer.handle.stack, layer.rawPath === '/' ? prefix : `${prefix}${layer.rawPath}`);
      }
    }
  };
  walk((app as unknown as { router: { stack: Layer[] } }).router.stack, '');
  return [...new Set(found)];
}
