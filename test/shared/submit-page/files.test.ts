// The submitters' page as files: a script that parses, a page that loads only what is beside it,
// and every sentence in both languages.
import { Script } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { BucketPrefix, SUBMIT_CONFIG } from '../../../shared/stack/index.ts';
import { CONFIG_FILE, MESSAGES, SUBMIT_FOLDER, submitPageFiles } from '../../../shared/submit-page/index.ts';

describe("the submitters' page", () => {
  it('is index.html, app.js and style.css, index.html last', () => {
    // Act
    const files = submitPageFiles();
    // Assess
    expect(SUBMIT_FOLDER).toBe(BucketPrefix.submit);
    expect(`${SUBMIT_FOLDER}${CONFIG_FILE}`).toBe(SUBMIT_CONFIG);
    expect(files.map((f) => f.path)).toEqual(['style.css', 'app.js', 'index.html']);
  });

  it('has a script that parses and loads nothing but its config.json and the API', () => {
    // Prepare
    const script = submitPageFiles().find((f) => f.path === 'app.js')?.body ?? '';
    // Act, Assess
    expect(() => new Script(script)).not.toThrow();
    expect(script).not.toMatch(/https?:\/\//);
    expect(script).not.toMatch(/AWS_|aws_access_key|secretAccessKey/i);
  });

  it('loads only files beside it, with no inline script', () => {
    // Prepare
    const html = submitPageFiles().find((f) => f.path === 'index.html')?.body ?? '';
    // Act
    const loaded = [...html.matchAll(/(?:src|href)="([^"#]+)"/g)].map((m) => m[1]);
    // Assess
    expect(loaded.sort()).toEqual(['app.js', 'style.css']);
    expect(html).not.toMatch(/<script>/);
  });

  it('labels every form control', () => {
    // Prepare
    const html = submitPageFiles().find((f) => f.path === 'index.html')?.body ?? '';
    // Act
    const controls = [...html.matchAll(/<(?:input|progress)[^>]*id="([^"]+)"/g)].map((m) => m[1]);
    // Assess
    expect(controls).toEqual(['file', 'progress']);
    for (const id of controls) expect(html).toContain(`<label for="${id}"`);
  });

  it('says everything in English and French', () => {
    // Act, Assess
    expect(Object.keys(MESSAGES.fr).sort()).toEqual(Object.keys(MESSAGES.en).sort());
    for (const [key, text] of Object.entries(MESSAGES.fr)) expect(text, key).not.toBe('');
  });
});
