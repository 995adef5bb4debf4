import fs from 'node:fs';
import path from 'node:path';
import { FIXTURE_FORMS, tempDataDir } from './agent';

/** The fixture form at a version, written to a folder of its own (definition and Welsh). */
export function writeVersion(
  version: string,
  change: (form: Record<string, unknown>, cy: Record<string, unknown>) => void = () => undefined,
): string {
  const dir = tempDataDir();
  const form = JSON.parse(fs.readFileSync(path.join(FIXTURE_FORMS, 'parking-permit.json'), 'utf8'));
  const cy = JSON.parse(
    fs.readFileSync(path.join(FIXTURE_FORMS, 'locales', 'cy', 'parking-permit.json'), 'utf8'),
  );
  form.version = version;
  change(form, cy);
  fs.mkdirSync(path.join(dir, 'locales', 'cy'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'parking-permit.json'), JSON.stringify(form));
  fs.writeFileSync(path.join(dir, 'locales', 'cy', 'parking-permit.json'), JSON.stringify(cy));
  return path.join(dir, 'parking-permit.json');
}

/** Version 1.1 asks a new required question, on a page of its own after the name. */
export function withBlueBadge(compatible: boolean) {
  return (form: Record<string, unknown>, cy: Record<string, unknown>) => {
    const pages = form.pages as Array<Record<string, unknown>>;
    const at = pages.findIndex((p) => p.id === 'full-name') + 1;
    pages.splice(at, 0, {
      id: 'blue-badge',
      questions: [
        {
          id: 'blue-badge',
          type: 'yes-no',
          label: 'Do you hold a Blue Badge?',
          errorLabel: 'if you hold a Blue Badge',
        },
      ],
    });
    if (compatible) form.compatibleWith = ['1.0'];
    (cy.questions as Record<string, unknown>)['blue-badge'] = {
      label: 'Oes gennych chi Fathodyn Glas?',
      errorLabel: 'os oes gennych chi Fathodyn Glas',
    };
  };
}
