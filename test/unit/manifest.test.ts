import { describe, expect, it } from 'vitest';
import base from '../../manifest.json' with { type: 'json' };
import { GECKO_ID, manifestFor, withoutExposedScripts, type Manifest } from '../../src/build/manifest';

describe('manifestFor', () => {
  it('leaves the Chrome manifest as written', () => {
    expect(manifestFor(base as Manifest, 'chrome')).toEqual(base);
  });

  it('turns the side panel into a Firefox sidebar with a gecko id and no sidePanel permission', () => {
    const ff = manifestFor(base as Manifest, 'firefox');
    expect(ff.side_panel).toBeUndefined();
    expect(ff.sidebar_action).toMatchObject({ default_panel: base.side_panel.default_path });
    expect(ff.permissions).not.toContain('sidePanel');
    expect(ff.background).toEqual({ scripts: [base.background.service_worker], type: 'module' });
    expect((ff.browser_specific_settings as { gecko: { id: string } }).gecko.id).toBe(GECKO_ID);
  });

  it('asks for no host permission at install: sites are optional', () => {
    expect(base).not.toHaveProperty('host_permissions');
    expect(base.permissions).toEqual(['activeTab', 'scripting', 'storage', 'sidePanel']);
  });

  it('does not expose injected scripts to web pages', () => {
    const m = withoutExposedScripts({ ...base, web_accessible_resources: [{ resources: ['x.js'], matches: ['<all_urls>'] }] } as Manifest);
    expect(m).not.toHaveProperty('web_accessible_resources');
  });
});
